import { formatPercent, NumberWithParts, QueryView } from '@steadfast/ui';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Panel } from '../../components/page-header.tsx';
import { useKindSlips } from './use-portfolio.ts';

const outcomeColours = {
  keptOnTime: '#3f9d6b',
  keptRenegotiated: '#a6c8a0',
  late: '#e8a33d',
  missed: '#d0523f',
} as const;

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
          const rows = measured.map((kind) => ({
            kind: kind.kind,
            keptOnTime: kind.keptOnTime,
            keptRenegotiated: kind.keptRenegotiated,
            late: kind.late,
            missed: kind.missed,
          }));
          return (
            <>
              <div style={{ width: '100%', height: 240 }} data-testid="kind-slips-chart">
                <ResponsiveContainer>
                  <BarChart
                    data={rows}
                    layout="vertical"
                    margin={{ top: 4, right: 16, bottom: 0, left: 8 }}
                    stackOffset="expand"
                  >
                    <CartesianGrid stroke="#e7ebf1" horizontal={false} />
                    <XAxis
                      type="number"
                      tickFormatter={(share: number) => `${Math.round(share * 100)}%`}
                      tick={{ fontSize: 12 }}
                    />
                    <YAxis type="category" dataKey="kind" width={72} tick={{ fontSize: 12 }} />
                    <Tooltip />
                    <Legend wrapperStyle={{ fontSize: 12 }} />
                    <Bar
                      dataKey="keptOnTime"
                      name="kept on time"
                      stackId="a"
                      fill={outcomeColours.keptOnTime}
                      isAnimationActive={false}
                    />
                    <Bar
                      dataKey="keptRenegotiated"
                      name="renegotiated, kept"
                      stackId="a"
                      fill={outcomeColours.keptRenegotiated}
                      isAnimationActive={false}
                    />
                    <Bar
                      dataKey="late"
                      name="late"
                      stackId="a"
                      fill={outcomeColours.late}
                      isAnimationActive={false}
                    />
                    <Bar
                      dataKey="missed"
                      name="missed"
                      stackId="a"
                      fill={outcomeColours.missed}
                      isAnimationActive={false}
                    />
                  </BarChart>
                </ResponsiveContainer>
              </div>
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
