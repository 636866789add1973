import { QueryView } from '@steadfast/ui';
import { Panel } from '../../components/page-header.tsx';
import { TrustBreakdown } from '../portfolio/trust-breakdown.tsx';
import { useAccountTrust, useTrustChange } from './use-account.ts';

/** The account's trust score explained in words and numbers, and what moved it lately. */
export function AccountTrust({ accountId }: { accountId: string }) {
  const trust = useAccountTrust(accountId);
  const change = useTrustChange(accountId);
  return (
    <Panel title="Trust breakdown" id="trust-breakdown">
      <QueryView query={trust} loadingLabel="Scoring the account…">
        {({ score }) => <TrustBreakdown score={score} label="Account trust" />}
      </QueryView>
      <h3>What moved it in the last 90 days</h3>
      <QueryView query={change} loadingLabel="Tracing the change…">
        {(traced) => (
          <>
            <p>{traced.explanation}</p>
            {traced.events.length === 0 ? null : (
              <ul className="change-list">
                {traced.events.slice(0, 8).map((event) => (
                  <li key={event.promiseId}>
                    <span className={event.points >= 0 ? 'points up' : 'points down'}>
                      {event.points >= 0 ? '+' : '−'}
                      {Math.abs(event.points).toFixed(1)}
                    </span>{' '}
                    {event.title ?? event.outcomeKind.replaceAll('_', ' ')} (
                    {event.outcomeKind.replaceAll('_', ' ')}, closed {event.closedAt.slice(0, 10)})
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryView>
    </Panel>
  );
}
