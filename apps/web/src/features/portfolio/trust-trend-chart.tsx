import { QueryView } from '@steadfast/ui';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMonth } from '../../components/format.ts';
import { Panel } from '../../components/page-header.tsx';
import { useTrustTrend } from './use-portfolio.ts';

/** Trust at each month-end of the last year (the company's, or one account's), its interval as a band. */
export function TrustTrendChart({ accountId }: { accountId?: string }) {
  const trend = useTrustTrend(accountId);
  return (
    <Panel title="Trust over the last 12 months" id="trust-trend">
      <QueryView
        query={trend}
        loadingLabel="Drawing the trend…"
        isEmpty={(data) => data.points.length === 0}
      >
        {({ points }) => {
          const rows = points.map((point) => ({
            day: point.day,
            score: Math.round(point.score * 10) / 10,
            band: [Math.round(point.low * 10) / 10, Math.round(point.high * 10) / 10],
          }));
          const first = rows[0];
          const last = rows[rows.length - 1];
          return (
            <figure className="chart" data-testid="trust-trend">
              <div style={{ width: '100%', height: 240 }}>
                <ResponsiveContainer>
                  <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: -12 }}>
                    <CartesianGrid stroke="#e7ebf1" vertical={false} />
                    <XAxis dataKey="day" tickFormatter={formatMonth} tick={{ fontSize: 12 }} />
                    <YAxis
                      domain={[(min: number) => Math.max(0, Math.floor(min - 5)), 100]}
                      tick={{ fontSize: 12 }}
                    />
                    <Tooltip
                      labelFormatter={(day) => String(day)}
                      formatter={(value, name) =>
                        Array.isArray(value)
                          ? [`${value[0]}–${value[1]}`, 'likely range']
                          : [value, name === 'score' ? 'trust' : name]
                      }
                    />
                    <Area
                      type="monotone"
                      dataKey="band"
                      stroke="none"
                      fill="#a9c0ec"
                      fillOpacity={0.5}
                      isAnimationActive={false}
                    />
                    <Line
                      type="monotone"
                      dataKey="score"
                      stroke="#2457c5"
                      strokeWidth={2}
                      dot={{ r: 3 }}
                      isAnimationActive={false}
                    />
                  </ComposedChart>
                </ResponsiveContainer>
              </div>
              <figcaption className="muted">
                {first === undefined || last === undefined
                  ? ''
                  : `From ${first.score.toFixed(1)} at the end of ${formatMonth(first.day)} to ${last.score.toFixed(1)} today (${last.score >= first.score ? '+' : ''}${(last.score - first.score).toFixed(1)}). The band is the likely range.`}
              </figcaption>
            </figure>
          );
        }}
      </QueryView>
    </Panel>
  );
}
