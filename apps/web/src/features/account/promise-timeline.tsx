import { Empty, QueryView } from '@steadfast/ui';
import { formatDay } from '../../components/format.ts';
import { Panel } from '../../components/page-header.tsx';
import type { RouterOutputs } from '../../trpc.ts';
import { useAccountPromises } from './use-account.ts';

type PromiseSummary = RouterOutputs['promise']['list']['items'][number];

/** How a promise stands, in a word, with the tone to draw it in. */
function standing(promise: PromiseSummary): {
  label: string;
  tone: 'ok' | 'warn' | 'bad' | 'plain';
} {
  if (promise.status === 'fulfilled') {
    const late = promise.fulfilledAt !== null && promise.fulfilledAt > promise.dueDeadline;
    if (late) return { label: 'kept late', tone: 'warn' };
    return {
      label: promise.renegotiationCount > 0 ? 'kept after renegotiation' : 'kept',
      tone: 'ok',
    };
  }
  if (promise.status === 'missed') return { label: 'missed', tone: 'bad' };
  if (promise.status === 'open' && promise.atRisk) return { label: 'at risk', tone: 'warn' };
  return { label: promise.status.replaceAll('_', ' '), tone: 'plain' };
}

/** The account's promises, newest first: made, due and closed, and how each ended. */
export function PromiseTimeline({ accountId }: { accountId: string }) {
  const promises = useAccountPromises(accountId);
  return (
    <Panel title="Promise timeline" id="promise-timeline" wide>
      <QueryView
        query={promises}
        loadingLabel="Loading promises…"
        isEmpty={(page) => page.items.length === 0}
        empty={<Empty title="No promise made to this account yet." />}
      >
        {(page) => (
          <ol className="timeline">
            {[...page.items]
              .sort((a, b) => b.madeAt.localeCompare(a.madeAt))
              .map((promise) => {
                const state = standing(promise);
                return (
                  <li key={promise.id} className={`timeline-item ${state.tone}`}>
                    <span className="timeline-dot" aria-hidden="true" />
                    <div>
                      <strong>{promise.title}</strong> <span className="tag">{promise.kind}</span>{' '}
                      <span className={`tag ${state.tone}`}>{state.label}</span>
                    </div>
                    <div className="muted">
                      made {formatDay(promise.madeAt)} · due {formatDay(promise.dueDeadline)}
                      {promise.originalDueDeadline !== promise.dueDeadline
                        ? ` (first promised ${formatDay(promise.originalDueDeadline)})`
                        : ''}
                      {promise.closedAt === null ? '' : ` · closed ${formatDay(promise.closedAt)}`}
                      {promise.lastInformedAt === null
                        ? ''
                        : ` · customer told ${formatDay(promise.lastInformedAt)}`}
                    </div>
                  </li>
                );
              })}
          </ol>
        )}
      </QueryView>
    </Panel>
  );
}
