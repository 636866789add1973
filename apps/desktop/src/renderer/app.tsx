import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { steadfastBridge } from './api/bridge.ts';
import { useTRPC } from './api/trpc.ts';
import { useDesktop } from './desktop-context.tsx';
import { AccountsView } from './features/accounts/accounts-view.tsx';
import { CaptureForm } from './features/capture/capture-form.tsx';
import { FirstStart } from './features/first-start/first-start.tsx';
import { NudgesView } from './features/nudges/nudges-view.tsx';
import { RequestsView } from './features/requests/requests-view.tsx';
import { SlipNotice } from './features/slip-notice/slip-notice.tsx';
import { RenegotiateForm } from './features/today/renegotiate-form.tsx';
import type { PromiseSummary } from './features/today/today-sections.ts';
import { TodayView } from './features/today/today-view.tsx';
import { NoticeLine } from './ui/notice-line.tsx';
import { useKeys } from './ui/use-keys.ts';

const screens = [
  { key: 'today', label: 'Today', shortcut: '1' },
  { key: 'accounts', label: 'Accounts', shortcut: '2' },
  { key: 'requests', label: 'Requests', shortcut: '3' },
  { key: 'nudges', label: 'Nudges', shortcut: '4' },
] as const;
type Screen = (typeof screens)[number]['key'];

type Sheet =
  | { kind: 'capture' }
  | { kind: 'tell'; promise: PromiseSummary }
  | { kind: 'renegotiate'; promise: PromiseSummary };

/** Which mode the app runs in decides the first screen: choosing one, logging in, or the day. */
export function App() {
  const desktop = useDesktop();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: ['desktop', 'status'],
    queryFn: () => desktop.desktop.status.query(),
  });
  const me = useQuery({ ...trpc.auth.me.queryOptions(), enabled: status.data?.signedIn === true });

  if (status.data === undefined || (status.data.signedIn && me.isPending)) {
    return <main className="splash">Steadfast</main>;
  }
  const needsChoice = status.data.mode === 'unset' || !status.data.signedIn || me.data == null;
  if (needsChoice) {
    return (
      <FirstStart
        mode={status.data.mode}
        settingsProblem={status.data.settingsProblem}
        serverUrl={status.data.serverUrl}
        onReady={() => void queryClient.invalidateQueries()}
      />
    );
  }
  return <Workspace personName={me.data?.name ?? ''} mode={status.data.mode} />;
}

/** Team mode: end the session on the server; the first screen then offers both modes again. */
function LogOut() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  return (
    <button type="button" className="quiet log-out" onClick={() => logout.mutate()}>
      Log out
    </button>
  );
}

function Workspace(props: { personName: string; mode: 'local' | 'team' | 'unset' }) {
  const [screen, setScreen] = useState<Screen>('today');
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [focusPromiseId, setFocusPromiseId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(
    () =>
      steadfastBridge().onCommand((command) => {
        if (command.type === 'quick-capture') setSheet({ kind: 'capture' });
        if (command.type === 'open-promise') {
          setScreen('today');
          setFocusPromiseId(command.promiseId);
        }
      }),
    [],
  );

  const keysEnabled = sheet === null;
  useKeys(
    {
      c: () => setSheet({ kind: 'capture' }),
      '1': () => setScreen('today'),
      '2': () => setScreen('accounts'),
      '3': () => setScreen('requests'),
      '4': () => setScreen('nudges'),
    },
    keysEnabled,
  );
  const finish = (words: string) => {
    setSheet(null);
    setDone(words);
  };

  return (
    <div className="workspace">
      <aside className="sidebar">
        <div className="brand">Steadfast</div>
        <nav aria-label="Screens">
          {screens.map((item) => (
            <button
              key={item.key}
              type="button"
              className={screen === item.key ? 'nav-item selected' : 'nav-item'}
              onClick={() => setScreen(item.key)}
            >
              <span>{item.label}</span>
              <kbd>{item.shortcut}</kbd>
            </button>
          ))}
        </nav>
        <button
          type="button"
          className="primary capture-button"
          onClick={() => setSheet({ kind: 'capture' })}
        >
          Capture <kbd>c</kbd>
        </button>
        <p className="who muted">
          {props.personName}
          <br />
          {props.mode === 'local' ? 'On this laptop' : 'Team server'}
        </p>
        {props.mode === 'team' && <LogOut />}
      </aside>
      <main className="screen">
        {done && <NoticeLine tone="done">{done}</NoticeLine>}
        {screen === 'today' && (
          <TodayView
            keysEnabled={keysEnabled}
            focusPromiseId={focusPromiseId}
            onTell={(promise) => setSheet({ kind: 'tell', promise })}
            onRenegotiate={(promise) => setSheet({ kind: 'renegotiate', promise })}
          />
        )}
        {screen === 'accounts' && <AccountsView keysEnabled={keysEnabled} />}
        {screen === 'requests' && <RequestsView />}
        {screen === 'nudges' && <NudgesView />}
      </main>
      {sheet?.kind === 'capture' && (
        <CaptureForm
          initialAccountId={null}
          onClose={() => setSheet(null)}
          onCaptured={(title) => finish(`Captured: ${title}`)}
        />
      )}
      {sheet?.kind === 'tell' && (
        <SlipNotice promise={sheet.promise} onClose={() => setSheet(null)} onDone={finish} />
      )}
      {sheet?.kind === 'renegotiate' && (
        <RenegotiateForm promise={sheet.promise} onClose={() => setSheet(null)} onDone={finish} />
      )}
    </div>
  );
}
