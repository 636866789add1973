import { Empty, formatPercent, NumberWithParts, QueryView } from '@steadfast/ui';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { BarChart } from '../../components/charts/bar-chart.tsx';
import { Panel } from '../../components/page-header.tsx';
import { type RouterOutputs, useTRPC } from '../../trpc.ts';

/** Per manager: effort on prospects vs clients; neglected clients; service saved for a churn risk. */
export function AttentionView() {
  const trpc = useTRPC();
  const attention = useQuery(trpc.portfolio.attention.queryOptions({ days: 90 }));
  return (
    <QueryView query={attention} loadingLabel="Looking at where attention goes…">
      {(found) => (
        <div className="grid">
          <Panel title="Prospects vs existing clients (90 days)" id="effort" wide>
            <BarChart
              testId="effort-chart"
              label="Each manager's effort in the last 90 days (promises made and touchpoints done), on existing clients and on prospects, stacked"
              rows={found.managers.map((manager) => ({
                category: manager.managerName,
                values: { clients: manager.existingEffort, prospects: manager.prospectEffort },
              }))}
              series={[
                { key: 'clients', name: 'existing clients', colour: '#2457c5' },
                { key: 'prospects', name: 'prospects', colour: '#e8a33d' },
              ]}
              layout="columns"
              height={240}
              integerTicks
              legend
            />
            <ul className="item-list compact">
              {found.managers.map((manager) => (
                <li key={manager.managerId}>
                  <strong>{manager.managerName}</strong>:{' '}
                  <NumberWithParts
                    label={`${manager.managerName}'s share of effort on prospects`}
                    value={formatPercent(manager.prospectShare)}
                    formula="Effort = promises made + touchpoints done, in the last 90 days."
                    parts={[
                      { label: 'promises to prospects', value: manager.prospect.promises },
                      { label: 'touchpoints with prospects', value: manager.prospect.touchpoints },
                      { label: 'promises to clients', value: manager.existing.promises },
                      { label: 'touchpoints with clients', value: manager.existing.touchpoints },
                    ]}
                  />{' '}
                  on prospects{' '}
                  {manager.chasingNew ? (
                    <span className="tag warn">chasing new over existing</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </Panel>
          <Panel
            title={`Neglected clients (no touch for ${found.neglectedAfterDays}+ days)`}
            id="neglected"
          >
            {found.neglectedCount === 0 ? (
              <Empty title="Every client was touched recently." />
            ) : (
              <NeglectedClients
                first={found.neglected}
                count={found.neglectedCount}
                afterDays={found.neglectedAfterDays}
              />
            )}
          </Panel>
          <Panel title="Service that spikes only after a churn risk" id="late-service">
            {found.lateService.length === 0 ? (
              <Empty title="No late rescue found.">
                {found.churnRisksLookedAt === 0
                  ? 'No client gave a poor score in the last year.'
                  : `Of the ${found.churnRisksLookedAt} ${found.churnRisksLookedAt === 1 ? 'account' : 'accounts'} whose client gave a poor score in the last year, none saw effort at least double only afterwards.`}
              </Empty>
            ) : (
              <ul className="item-list">
                {found.lateService.map((account) => (
                  <li key={account.accountId}>
                    <Link to="/accounts/$accountId" params={{ accountId: account.accountId }}>
                      {account.accountName}
                    </Link>{' '}
                    <span className="tag bad">
                      {account.beforeRate.toFixed(1)} → {account.afterRate.toFixed(1)} touches / 30
                      days
                    </span>
                    <div className="muted">
                      {account.ownerName}: {account.words}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </div>
      )}
    </QueryView>
  );
}

type NeglectedClient = RouterOutputs['portfolio']['attention']['neglected'][number];

function NeglectedList({ accounts }: { accounts: readonly NeglectedClient[] }) {
  return (
    <ul className="item-list" id="neglected-clients">
      {accounts.map((account) => (
        <li key={account.accountId}>
          <Link to="/accounts/$accountId" params={{ accountId: account.accountId }}>
            {account.accountName}
          </Link>{' '}
          <span className="tag warn">{account.quietDays} days quiet</span>
          <div className="muted">{account.ownerName}</div>
        </li>
      ))}
    </ul>
  );
}

/** Every neglected client, longest quiet first, read a page at a time once asked for. */
function AllNeglectedClients({ count }: { count: number }) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(
    trpc.portfolio.neglectedAccounts.infiniteQueryOptions(
      { limit: 100 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const accounts = pages.data?.pages.flatMap((page) => page.accounts) ?? [];
  return (
    <>
      <NeglectedList accounts={accounts} />
      {pages.isPending ? <p className="muted">Loading all {count}…</p> : null}
      {pages.isError ? (
        <p className="muted">Could not load the rest: {pages.error.message}</p>
      ) : null}
      {pages.hasNextPage ? (
        <button
          type="button"
          className="sf-button"
          disabled={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          {pages.isFetchingNextPage ? 'Loading…' : `Show more (${accounts.length} of ${count})`}
        </button>
      ) : null}
    </>
  );
}

/**
 * How many clients nobody touched for the neglect period, the longest quiet (at most 20, from
 * the dashboard's answer), and all of them a button away.
 */
function NeglectedClients(props: {
  first: readonly NeglectedClient[];
  count: number;
  afterDays: number;
}) {
  const [all, setAll] = useState(false);
  return (
    <>
      <p className="muted">
        {props.count} {props.count === 1 ? 'client' : 'clients'} with no promise made or kept and no
        touchpoint done for {props.afterDays} days or more
        {props.count > 1 ? ', longest quiet first' : ''}.
      </p>
      {all ? <AllNeglectedClients count={props.count} /> : <NeglectedList accounts={props.first} />}
      {props.count > props.first.length ? (
        <button
          type="button"
          className="sf-button"
          aria-expanded={all}
          aria-controls="neglected-clients"
          onClick={() => setAll((was) => !was)}
        >
          {all ? 'Show fewer' : `Show all ${props.count}`}
        </button>
      ) : null}
    </>
  );
}
