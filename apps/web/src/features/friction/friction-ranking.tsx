import { Empty, NumberWithParts, QueryView } from '@steadfast/ui';
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { BarChart } from '../../components/charts/bar-chart.tsx';
import { formatDay } from '../../components/format.ts';
import { Panel } from '../../components/page-header.tsx';
import { SortableTable } from '../../components/sortable-table.tsx';
import { type RouterOutputs, useTRPC } from '../../trpc.ts';

type Policy = RouterOutputs['request']['frictionRanking']['policies'][number];
const column = createColumnHelper<Policy>();

function columns(weights: Record<string, number>) {
  return [
    column.accessor('policy', { header: 'Policy' }),
    column.accessor('impactScore', {
      header: 'Impact',
      cell: (info) => (
        <NumberWithParts
          label={`Impact of ${info.row.original.policy}`}
          value={info.getValue()}
          formula="Impact is the sum over reports of each one's weight: low 1, medium 3, high 9, critical 27."
          parts={Object.entries(info.row.original.reportsByImpact).map(([impact, n]) => ({
            label: `${n} × ${impact} (weight ${weights[impact] ?? '?'})`,
            value: n * (weights[impact] ?? 0),
          }))}
        />
      ),
    }),
    column.accessor('reports', { header: 'Reports' }),
    column.accessor((row) => row.costs.map((cost) => `${cost.total} ${cost.currency}`).join(', '), {
      id: 'cost',
      header: 'Cost reported',
      cell: (info) => info.getValue() || '—',
    }),
    column.accessor('lastOccurredAt', {
      header: 'Last',
      cell: (info) => formatDay(info.getValue()),
    }),
  ];
}

/** Internal policies that got in customers' way, by impact. */
export function FrictionRanking() {
  const trpc = useTRPC();
  const ranking = useQuery(trpc.request.frictionRanking.queryOptions({}));
  return (
    <QueryView
      query={ranking}
      loadingLabel="Ranking policies…"
      isEmpty={(found) => found.policies.length === 0}
      empty={
        <Empty title="No friction reported yet.">
          Account managers report a policy when it gets in a customer's way.
        </Empty>
      }
    >
      {(found) => (
        <div className="grid">
          <Panel title="Policies by impact" id="friction-chart" wide>
            <BarChart
              testId="friction-chart"
              label="Each reported policy's impact score, highest first; every figure is in the table below"
              rows={found.policies.map((policy) => ({
                category: policy.policy,
                values: { impactScore: policy.impactScore },
              }))}
              series={[{ key: 'impactScore', name: 'impact', colour: '#c2573f' }]}
              layout="rows"
              height={Math.max(160, found.policies.length * 36)}
              categoryWidth={240}
              integerTicks
            />
          </Panel>
          <Panel title="Every policy reported" id="friction-table" wide>
            <div className="table-scroll">
              <SortableTable
                rows={found.policies}
                columns={columns(found.weights)}
                caption="Policies by impact"
                rowKey={(row) => row.policyKey}
                initialSort={[{ id: 'impactScore', desc: true }]}
              />
            </div>
          </Panel>
        </div>
      )}
    </QueryView>
  );
}
