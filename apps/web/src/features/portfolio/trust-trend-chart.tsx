import { QueryView } from '@steadfast/ui';
import { trendDrawing } from '../../components/charts/chart-math.ts';
import { chartStyle, ValueTicks } from '../../components/charts/chart-parts.tsx';
import { useChartWidth } from '../../components/charts/use-chart-width.ts';
import { formatMonth } from '../../components/format.ts';
import { Panel } from '../../components/page-header.tsx';
import { useTrustTrend } from './use-portfolio.ts';

interface TrendRow {
  day: string;
  score: number;
  low: number;
  high: number;
}

const height = 240;
const lineColour = '#2457c5';
const bandColour = '#a9c0ec';

/** One month-end's hover text: what recharts' tooltip said. */
const describe = (row: TrendRow) =>
  `${row.day}: trust ${row.score}, likely range ${row.low}–${row.high}`;

/** The trend as one SVG image: the likely range as a band, trust as a line with a dot a month. */
function TrendPlot({ rows, width, label }: { rows: TrendRow[]; width: number; label: string }) {
  const plot = { left: 36, right: width - 16, top: 8, bottom: height - 24 };
  const drawing = trendDrawing(rows, plot);
  const { x, points } = drawing;
  // Every month labelled while the labels fit (about 44px each), else every second or third.
  const labelEvery = Math.max(1, Math.ceil((rows.length * 44) / (plot.right - plot.left)));
  const column = rows.length > 1 ? (plot.right - plot.left - 24) / (rows.length - 1) : 40;
  return (
    <svg width={width} height={height} role="img" aria-label={label} className="chart-svg">
      <ValueTicks
        ticks={drawing.y.ticks}
        at={drawing.y.scale}
        along="y"
        across={[plot.left, plot.right]}
        format={String}
      />
      <path d={drawing.band} fill={bandColour} fillOpacity={0.5} stroke="none" />
      <path d={drawing.line} fill="none" stroke={lineColour} strokeWidth={2} />
      {rows.map((row, index) => (
        <g key={row.day} className="chart-point">
          <title>{describe(row)}</title>
          {/* The whole month's column answers the hover, not just the 3px dot. */}
          <rect
            x={x(index) - column / 2}
            y={plot.top}
            width={column}
            height={plot.bottom - plot.top}
            fill="transparent"
          />
          <circle
            className="chart-dot"
            cx={points[index]?.x}
            cy={points[index]?.y}
            r={3}
            fill="#fff"
            stroke={lineColour}
            strokeWidth={2}
          />
          {index % labelEvery === (rows.length - 1) % labelEvery ? (
            <text
              x={x(index)}
              y={plot.bottom + 16}
              textAnchor="middle"
              fill={chartStyle.tickColour}
              fontSize={chartStyle.fontSize}
            >
              {formatMonth(row.day)}
            </text>
          ) : null}
        </g>
      ))}
      <line
        x1={plot.left}
        x2={plot.right}
        y1={plot.bottom + 0.5}
        y2={plot.bottom + 0.5}
        stroke={chartStyle.axisColour}
      />
      <line
        x1={plot.left + 0.5}
        x2={plot.left + 0.5}
        y1={plot.top}
        y2={plot.bottom}
        stroke={chartStyle.axisColour}
      />
    </svg>
  );
}

function TrendFigure({ rows }: { rows: TrendRow[] }) {
  const [ref, width] = useChartWidth<HTMLDivElement>();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const summary =
    first === undefined || last === undefined
      ? ''
      : `From ${first.score.toFixed(1)} at the end of ${formatMonth(first.day)} to ${last.score.toFixed(1)} today (${last.score >= first.score ? '+' : ''}${(last.score - first.score).toFixed(1)}). The band is the likely range.`;
  return (
    <figure className="chart" data-testid="trust-trend">
      <div ref={ref} style={{ width: '100%', height }}>
        {width > 0 ? (
          <TrendPlot
            rows={rows}
            width={width}
            label="Trust at each month-end as a line, its likely range as a band around it"
          />
        ) : null}
      </div>
      <figcaption className="muted">{summary}</figcaption>
      <table className="visually-hidden">
        <caption>Trust at each month-end</caption>
        <thead>
          <tr>
            <th scope="col">Month-end</th>
            <th scope="col">Trust</th>
            <th scope="col">Likely range</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.day}>
              <td>{row.day}</td>
              <td>{row.score}</td>
              <td>
                {row.low}–{row.high}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

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
        {({ points }) => (
          <TrendFigure
            rows={points.map((point) => ({
              day: point.day,
              score: Math.round(point.score * 10) / 10,
              low: Math.round(point.low * 10) / 10,
              high: Math.round(point.high * 10) / 10,
            }))}
          />
        )}
      </QueryView>
    </Panel>
  );
}
