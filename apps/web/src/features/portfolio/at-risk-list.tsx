import { Empty, QueryView } from '@steadfast/ui';
import { Link } from '@tanstack/react-router';
import { formatDay } from '../../components/format.ts';
import { Panel } from '../../components/page-header.tsx';
import { useAccountNames, useAtRiskPromises } from './use-portfolio.ts';

/** Promises at risk right now, soonest due first, each linked to its account. */
export function AtRiskList() {
  const atRisk = useAtRiskPromises();
  const names = useAccountNames();
  return (
    <Panel title="At risk now" id="at-risk">
      <QueryView
        query={atRisk}
        loadingLabel="Finding promises at risk…"
        isEmpty={(page) => page.items.length === 0}
        empty={<Empty title="No promise is at risk right now." />}
      >
        {(page) => (
          <>
            <p className="muted">
              {page.items.length}
              {page.nextCursor === null ? '' : '+'} open promises at risk; the 8 due soonest:
            </p>
            <ul className="item-list">
              {page.items.slice(0, 8).map((promise) => (
                <li key={promise.id}>
                  <div>
                    <strong>{promise.title}</strong>
                    <span className="tag">{promise.kind}</span>
                    {promise.lastInformedAt === null ? (
                      <span className="tag warn">customer not told</span>
                    ) : (
                      <span className="tag ok">customer told</span>
                    )}
                  </div>
                  <div className="muted">
                    <Link to="/accounts/$accountId" params={{ accountId: promise.accountId }}>
                      {names.data?.get(promise.accountId) ?? 'Account'}
                    </Link>{' '}
                    · due {formatDay(promise.dueDeadline)}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryView>
    </Panel>
  );
}
