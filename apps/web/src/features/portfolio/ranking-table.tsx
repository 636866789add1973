import { QueryView, ScoreWithInterval } from '@steadfast/ui';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { Panel } from '../../components/page-header.tsx';
import { SortableTable } from '../../components/sortable-table.tsx';
import type { RankingScope } from '../../router.tsx';
import type { RouterOutputs } from '../../trpc.ts';
import { useRanking } from './use-portfolio.ts';

type Ranked = RouterOutputs['trust']['ranking'][number];
const column = createColumnHelper<Ranked>();

const scopeNames: Record<RankingScope, string> = {
  account: 'Accounts',
  manager: 'Managers',
  team: 'Teams',
};

function columnsFor(scope: RankingScope) {
  return [
    column.accessor('name', {
      header: scope === 'account' ? 'Account' : scope === 'manager' ? 'Manager' : 'Team',
      cell: (info) =>
        scope === 'account' ? (
          <Link to="/accounts/$accountId" params={{ accountId: info.row.original.id }}>
            {info.getValue()}
          </Link>
        ) : (
          info.getValue()
        ),
    }),
    column.accessor('score', {
      header: 'Trust',
      cell: (info) => (
        <ScoreWithInterval
          score={info.getValue()}
          low={info.row.original.interval.low}
          high={info.row.original.interval.high}
          label={`Trust of ${info.row.original.name}`}
        />
      ),
    }),
    column.accessor((row) => row.interval.high - row.interval.low, {
      id: 'width',
      header: 'Uncertainty',
      cell: (info) => `±${(info.getValue() / 2).toFixed(1)}`,
    }),
    column.accessor('outcomes', { header: 'Promises closed' }),
  ];
}

/** Accounts, managers or teams ranked by trust (lowest first: where to look); sortable by any column. */
export function RankingTable({ scope }: { scope: RankingScope }) {
  const ranking = useRanking(scope);
  return (
    <Panel
      title="Ranked by trust"
      id="ranking"
      wide
      actions={
        <nav className="tabs" aria-label="Rank by">
          {(['account', 'manager', 'team'] as const).map((option) => (
            <Link
              key={option}
              to="/"
              search={{ ranking: option }}
              className={option === scope ? 'tab active' : 'tab'}
              aria-current={option === scope ? 'true' : undefined}
            >
              {scopeNames[option]}
            </Link>
          ))}
        </nav>
      }
    >
      <QueryView query={ranking} loadingLabel="Ranking…" isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <div className="table-scroll">
            <SortableTable
              rows={rows}
              columns={columnsFor(scope)}
              caption={`${scopeNames[scope]} ranked by trust`}
              initialSort={[{ id: 'score', desc: false }]}
              rowKey={(row) => row.id}
              firstRows={50}
            />
          </div>
        )}
      </QueryView>
    </Panel>
  );
}
