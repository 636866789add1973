import { QueryView, ScoreWithInterval } from '@steadfast/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { words } from '../../components/format.ts';
import { Panel } from '../../components/page-header.tsx';
import { SortableTable } from '../../components/sortable-table.tsx';
import { useTRPC } from '../../trpc.ts';
import { leadershipRoles, useSession } from '../auth/use-session.ts';

interface AccountRow {
  id: string;
  name: string;
  stage: string;
  tier: string;
  owner: string;
  trust: { score: number; low: number; high: number } | null;
}

const column = createColumnHelper<AccountRow>();
const columns = [
  column.accessor('name', {
    header: 'Account',
    cell: (info) => (
      <Link to="/accounts/$accountId" params={{ accountId: info.row.original.id }}>
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor('stage', { header: 'Stage', cell: (info) => words(info.getValue()) }),
  column.accessor('tier', { header: 'Tier' }),
  column.accessor('owner', { header: 'Account manager' }),
  column.accessor((row) => row.trust?.score ?? -1, {
    id: 'trust',
    header: 'Trust',
    cell: (info) => {
      const trust = info.row.original.trust;
      return trust === null ? (
        <span className="muted">—</span>
      ) : (
        <ScoreWithInterval
          score={trust.score}
          low={trust.low}
          high={trust.high}
          label={`Trust of ${info.row.original.name}`}
        />
      );
    },
  }),
];

/** Every account one may see (a manager: their own), sortable, with trust where the role may read it. */
export function AccountList() {
  const trpc = useTRPC();
  const session = useSession();
  const mayRank =
    session.data !== null &&
    session.data !== undefined &&
    leadershipRoles.includes(session.data.role);
  const accounts = useQuery(trpc.account.list.queryOptions({}));
  const users = useQuery(trpc.user.list.queryOptions());
  const ranking = useQuery({
    ...trpc.trust.ranking.queryOptions({ scope: 'account', order: 'lowest', limit: 500 }),
    enabled: mayRank,
  });
  return (
    <Panel title={mayRank ? 'All accounts' : 'Your accounts'} id="accounts" wide>
      <QueryView
        query={accounts}
        loadingLabel="Loading accounts…"
        isEmpty={(list) => list.length === 0}
      >
        {(list) => {
          const names = new Map((users.data ?? []).map((user) => [user.id, user.name]));
          const scores = new Map((ranking.data ?? []).map((row) => [row.id, row]));
          const rows: AccountRow[] = list.map((account) => {
            const scored = scores.get(account.id);
            return {
              id: account.id,
              name: account.name,
              stage: account.stage,
              tier: account.tier,
              owner: names.get(account.ownerId) ?? '—',
              trust: scored === undefined ? null : { score: scored.score, ...scored.interval },
            };
          });
          return (
            <div className="table-scroll">
              <SortableTable
                rows={rows}
                // Trust across accounts is for leadership: a manager's list leaves the column out.
                columns={
                  mayRank ? columns : columns.filter((candidate) => candidate.id !== 'trust')
                }
                caption="Accounts"
                rowKey={(row) => row.id}
                initialSort={[{ id: 'name', desc: false }]}
              />
            </div>
          );
        }}
      </QueryView>
    </Panel>
  );
}
