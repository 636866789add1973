import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fieldProblem, problemOf } from '../../api/errors.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useDesktop } from '../../desktop-context.tsx';
import { NoticeLine } from '../../ui/notice-line.tsx';

/**
 * First start: work alone on this laptop (local mode, no server) or with the team's server (team
 * mode, logging in). Also where a team user logs in again when their session has ended.
 */
export function FirstStart(props: {
  mode: 'unset' | 'local' | 'team';
  settingsProblem: string | null;
  serverUrl: string | null;
  onReady: () => void;
}) {
  const [choice, setChoice] = useState<'local' | 'team'>(props.mode === 'team' ? 'team' : 'local');
  return (
    <main className="first-start">
      <h1>Steadfast</h1>
      <p className="lead">Keep the promises you make to customers.</p>
      {props.settingsProblem && (
        <NoticeLine tone="warning">
          Your saved settings could not be used ({props.settingsProblem}). Choose again.
        </NoticeLine>
      )}
      {/* Shown until someone is signed in, so a team login that cannot be made is not a dead end. */}
      {props.mode !== 'local' && (
        <div className="mode-choice">
          <button
            type="button"
            aria-pressed={choice === 'local'}
            className={choice === 'local' ? 'mode selected' : 'mode'}
            onClick={() => setChoice('local')}
          >
            <strong>On this laptop</strong>
            <span>
              Local mode: your promises stay in a file on this computer. No server needed.
            </span>
          </button>
          <button
            type="button"
            aria-pressed={choice === 'team'}
            className={choice === 'team' ? 'mode selected' : 'mode'}
            onClick={() => setChoice('team')}
          >
            <strong>With my team</strong>
            <span>Team mode: connect to your company’s Steadfast server and log in.</span>
          </button>
        </div>
      )}
      {choice === 'local' ? (
        <LocalChoice onReady={props.onReady} />
      ) : (
        <TeamLogin serverUrl={props.serverUrl} onReady={props.onReady} />
      )}
    </main>
  );
}

function LocalChoice(props: { onReady: () => void }) {
  const desktop = useDesktop();
  const [name, setName] = useState('');
  const choose = useMutation({
    mutationFn: () => desktop.desktop.chooseLocal.mutate({ ownerName: name }),
    onSuccess: props.onReady,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    choose.mutate();
  };
  return (
    <form className="first-start-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="owner-name">Your name</label>
        <input id="owner-name" value={name} onChange={(e) => setName(e.target.value)} />
        {fieldProblem(choose.error, 'ownerName') && (
          <NoticeLine tone="problem">
            Your name {fieldProblem(choose.error, 'ownerName')}
          </NoticeLine>
        )}
      </div>
      <button type="submit" className="primary" disabled={choose.isPending}>
        Start on this laptop
      </button>
    </form>
  );
}

function TeamLogin(props: { serverUrl: string | null; onReady: () => void }) {
  const desktop = useDesktop();
  const trpc = useTRPC();
  const [serverUrl, setServerUrl] = useState(props.serverUrl ?? 'https://');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Remember the server first (validated), then log in through it like any API call.
  const choose = useMutation({
    mutationFn: () => desktop.desktop.chooseTeam.mutate({ serverUrl, email }),
  });
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: props.onReady }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.reset();
    choose.mutate(undefined, { onSuccess: () => login.mutate({ email, password }) });
  };
  return (
    <form className="first-start-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="server-url">Server address</label>
        <input id="server-url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="email">E-mail</label>
        <input id="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      {choose.error && <NoticeLine tone="problem">{problemOf(choose.error)}</NoticeLine>}
      {login.error && <NoticeLine tone="problem">{problemOf(login.error)}</NoticeLine>}
      <button type="submit" className="primary" disabled={choose.isPending || login.isPending}>
        Log in
      </button>
    </form>
  );
}
