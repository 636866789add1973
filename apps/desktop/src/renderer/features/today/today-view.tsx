import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { problemOf } from '../../api/errors.ts';
import { useTRPC } from '../../api/trpc.ts';
import { localTimeZone } from '../../ui/format.ts';
import { NoticeLine } from '../../ui/notice-line.tsx';
import { useKeys } from '../../ui/use-keys.ts';
import { PromiseRow } from './promise-row.tsx';
import { type PromiseSummary, todaySections } from './today-sections.ts';

/**
 * The account manager's day: what is due today, what is at risk, what is overdue. One key each:
 * f fulfilled, t tell the customer, r renegotiate; j/k or the arrows to move.
 */
export function TodayView(props: {
  keysEnabled: boolean;
  focusPromiseId: string | null;
  onTell: (promise: PromiseSummary) => void;
  onRenegotiate: (promise: PromiseSummary) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = localTimeZone();
  // Promises turn due, late or at risk while the app sits open: look again every minute.
  const refetchInterval = 60_000;
  const dueToday = useQuery({
    ...trpc.promise.list.queryOptions({ view: 'due_today', timeZone }),
    refetchInterval,
  });
  const atRisk = useQuery({
    ...trpc.promise.list.queryOptions({ view: 'at_risk', timeZone }),
    refetchInterval,
  });
  const overdue = useQuery({
    ...trpc.promise.list.queryOptions({ view: 'overdue', timeZone }),
    refetchInterval,
  });
  const accounts = useQuery(trpc.account.list.queryOptions({}));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const sections = useMemo(
    () =>
      todaySections({
        dueToday: dueToday.data?.items ?? [],
        atRisk: atRisk.data?.items ?? [],
        overdue: overdue.data?.items ?? [],
      }),
    [dueToday.data, atRisk.data, overdue.data],
  );
  const rows = sections.flatMap((section) => section.promises);
  const accountName = (id: string) =>
    accounts.data?.find((account) => account.id === id)?.name ?? '…';
  const selectedIndex = Math.max(
    0,
    rows.findIndex((row) => row.id === selectedId),
  );
  const selected = rows[selectedIndex] ?? null;

  useEffect(() => {
    if (props.focusPromiseId !== null) setSelectedId(props.focusPromiseId);
  }, [props.focusPromiseId]);

  const fulfil = useMutation(
    trpc.promise.recordEvent.mutationOptions({
      onSuccess: async (state) => {
        setDone(`Fulfilled: ${state.terms.title}`);
        await queryClient.invalidateQueries({ queryKey: trpc.promise.pathKey() });
      },
    }),
  );

  const move = (step: number) => {
    const next = rows[Math.min(rows.length - 1, Math.max(0, selectedIndex + step))];
    if (next) setSelectedId(next.id);
  };
  useKeys(
    {
      j: () => move(1),
      ArrowDown: () => move(1),
      k: () => move(-1),
      ArrowUp: () => move(-1),
      f: () => {
        if (selected === null || fulfil.isPending) return;
        fulfil.mutate({
          promiseId: selected.id,
          expectedVersion: selected.version,
          event: { type: 'fulfilled', completeness: 'full', note: null },
        });
      },
      t: () => selected && props.onTell(selected),
      r: () => selected && props.onRenegotiate(selected),
    },
    props.keysEnabled,
  );

  const loading = dueToday.isPending || atRisk.isPending || overdue.isPending;
  return (
    <div className="today">
      <header className="screen-header">
        <h1>Today</h1>
        <p className="muted">
          {rows.length === 0 && !loading
            ? 'All clear. Press c to capture a promise.'
            : `${rows.length} promise${rows.length === 1 ? '' : 's'} need${rows.length === 1 ? 's' : ''} you`}
        </p>
      </header>
      {done && <NoticeLine tone="done">{done}</NoticeLine>}
      {fulfil.error && <NoticeLine tone="problem">{problemOf(fulfil.error)}</NoticeLine>}
      {sections.map((section) => (
        <section
          key={section.key}
          className={`today-section section-${section.key}`}
          aria-label={section.title}
        >
          <h2>
            {section.title} <span className="count">{section.promises.length}</span>
          </h2>
          {section.promises.length === 0 ? (
            <p className="empty">{loading ? 'Loading…' : section.emptyWords}</p>
          ) : (
            <ul className="promise-list">
              {section.promises.map((promise) => (
                <PromiseRow
                  key={promise.id}
                  promise={promise}
                  accountName={accountName(promise.accountId)}
                  selected={promise.id === selected?.id}
                  onSelect={() => setSelectedId(promise.id)}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
      <footer className="key-hints">
        <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>f</kbd> fulfilled · <kbd>t</kbd> tell the customer ·{' '}
        <kbd>r</kbd> renegotiate · <kbd>c</kbd> capture
      </footer>
    </div>
  );
}
