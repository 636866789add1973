import { formatPercent, NumberWithParts, QueryView } from '@steadfast/ui';
import { BarChart, type BarRow, type BarSeries } from '../../components/charts/bar-chart.tsx';
import { Panel } from '../../components/page-header.tsx';
import { useKindSlips } from './use-portfolio.ts';

const outcomes: BarSeries[] = [
  { key: 'keptOnTime', name: 'kept on time', colour: '#3f9d6b' },
  { key: 'keptRenegotiated', name: 'renegotiated, kept', colour: '#a6c8a0' },
  { key: 'late', name: 'late', colour: '#e8a33d' },
  { key: 'missed', name: 'missed', colour: '#d0523f' },
];

/** Which kinds of promise slip over the last year: outcome shares per kind, most slipping first. */
export function KindSlipsChart() {
  const slips = useKindSlips();
  return (
    <Panel title="Which promise kinds slip" id="kind-slips">
      <QueryView
        query={slips}
        loadingLabel="Counting outcomes per kind…"
        isEmpty={(data) => data.kinds.every((kind) => kind.closed === 0)}
      >
        {({ kinds }) => {
          const measured = kinds.filter((kind) => kind.closed > 0);
          const rows: BarRow[] = measured.map((kind) => ({
            category: kind.kind,
            values: {
              keptOnTime: kind.keptOnTime,
              keptRenegotiated: kind.keptRenegotiated,
              late: kind.late,
              missed: kind.missed,
            },
          }));
          return (
            <>
              <BarChart
                testId="kind-slips-chart"
                label="Outcomes of each promise kind's closed promises as shares: kept on time, renegotiated then kept, late, missed"
                rows={rows}
                series={outcomes}
                layout="rows"
                height={240}
                expand
                categoryWidth={72}
                formatTick={(share) => `${Math.round(share * 100)}%`}
                describe={(row, outcome, piece) =>
                  `${row.category}, ${outcome.name}: ${piece.value} (${Math.round((piece.to - piece.from) * 100)}%)`
                }
                legend
              />
              <table className="data-table compact">
                <caption className="visually-hidden">Slip share per promise kind</caption>
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col">Slipped</th>
                    <th scope="col">Told first</th>
                  </tr>
                </thead>
                <tbody>
                  {measured.map((kind) => (
                    <tr key={kind.kind}>
                      <td>{kind.kind}</td>
                      <td>
                        <NumberWithParts
                          label={`Slip share of ${kind.kind} promises`}
                          value={formatPercent(kind.slipShare)}
                          formula={kind.words}
                          parts={[
                            { label: 'closed', value: kind.closed },
                            { label: 'kept on time', value: kind.keptOnTime },
                            { label: 'renegotiated, then kept', value: kind.keptRenegotiated },
                            { label: 'late', value: kind.late },
                            { label: 'missed', value: kind.missed },
                          ]}
                        />
                      </td>
                      <td>{formatPercent(kind.announcedShare)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </QueryView>
    </Panel>
  );
}
