import { NumberWithParts, QueryView } from '@steadfast/ui';
import { Panel } from '../../components/page-header.tsx';
import { TrustBreakdown } from '../portfolio/trust-breakdown.tsx';
import { useAccountPromises, useAccountTrust, useTrustChange } from './use-account.ts';

/** Points with their sign: +2.3, −0.9. */
function signed(points: number): string {
  return `${points >= 0 ? '+' : '−'}${Math.abs(points).toFixed(1)}`;
}

/** The account's trust score explained in words and numbers, and what moved it lately. */
export function AccountTrust({ accountId }: { accountId: string }) {
  const trust = useAccountTrust(accountId);
  const change = useTrustChange(accountId);
  // The same list the timeline shows (one cached query): titles for the promises that moved it.
  const promises = useAccountPromises(accountId);
  const titles = new Map(
    (promises.data?.items ?? []).map((promise) => [promise.id, promise.title]),
  );
  return (
    <Panel title="Trust breakdown" id="trust-breakdown">
      <QueryView query={trust} loadingLabel="Scoring the account…">
        {({ score }) => <TrustBreakdown score={score} label="Account trust" />}
      </QueryView>
      <h3>What moved it in the last 90 days</h3>
      <QueryView query={change} loadingLabel="Tracing the change…">
        {(traced) => {
          const closings = traced.events.reduce((sum, event) => sum + event.points, 0);
          return (
            <>
              <p>
                {traced.change >= 0 ? 'Rose' : 'Fell'}{' '}
                <NumberWithParts
                  label="Change of account trust in 90 days"
                  value={`${Math.abs(traced.change).toFixed(1)} points`}
                  formula={`From ${traced.from.score.toFixed(1)} on ${traced.from.at.slice(0, 10)} to ${traced.to.score.toFixed(1)} now.`}
                  parts={[
                    { label: `${traced.events.length} promises closed`, value: signed(closings) },
                    { label: 'the record aged', value: signed(traced.aging) },
                    { label: 'charter compliance', value: signed(traced.charter) },
                    { label: 'not traced to one promise', value: signed(traced.unexplained) },
                  ]}
                />{' '}
                from {traced.from.score.toFixed(1)} to {traced.to.score.toFixed(1)}.
              </p>
              {traced.events.length === 0 ? null : (
                <ul className="change-list">
                  {[...traced.events]
                    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
                    .slice(0, 8)
                    .map((event) => (
                      <li key={event.promiseId}>
                        <span className={event.points >= 0 ? 'points up' : 'points down'}>
                          {signed(event.points)}
                        </span>{' '}
                        {titles.get(event.promiseId) ?? event.title ?? 'A promise'}:{' '}
                        {event.description.replace(/^promise \S+ /, '')}
                      </li>
                    ))}
                </ul>
              )}
            </>
          );
        }}
      </QueryView>
    </Panel>
  );
}
