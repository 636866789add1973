import { barValueAxis, categoryBands, type StackedPiece, stackRows } from './chart-math.ts';
import { CategoryLabel, ChartLegend, chartStyle, ValueTicks } from './chart-parts.tsx';
import { useChartWidth } from './use-chart-width.ts';

export interface BarSeries {
  key: string;
  name: string;
  colour: string;
}

export interface BarRow {
  category: string;
  values: Readonly<Record<string, number>>;
  /** The row's bar in its own colour (one series coloured by status), over the series'. */
  colour?: string;
}

export interface BarChartProps {
  /** What the chart shows, for screen readers (the svg is one image). */
  label: string;
  rows: readonly BarRow[];
  /** Stacked in this order, from the axis outwards. */
  series: readonly BarSeries[];
  /** 'columns': categories along the bottom, bars upwards; 'rows': categories down the left. */
  layout: 'columns' | 'rows';
  height: number;
  /** Each bar as shares of its row's total, the value axis running 0–100%. */
  expand?: boolean;
  /** The value axis's extent; by default 0 to the largest stack, widened to a round tick. */
  domain?: [number, number];
  /** Whole numbers only on the value axis (counts). */
  integerTicks?: boolean;
  formatTick?: (value: number) => string;
  /** The room for category labels left of the rows ('rows' layout), in pixels. */
  categoryWidth?: number;
  /** Dashed lines across the plot at these values (thresholds). */
  referenceLines?: readonly { value: number; colour: string }[];
  /** The hover text of one piece of a bar. */
  describe?: (row: BarRow, series: BarSeries, piece: StackedPiece) => string;
  legend?: boolean;
  testId?: string;
}

const defaultDescribe = (row: BarRow, series: BarSeries, piece: StackedPiece) =>
  `${row.category}, ${series.name}: ${piece.value}`;

/**
 * Bars, stacked when there are several series: an accessible SVG image (role="img" and a label),
 * a hover title on every piece, grid lines at round values and, if asked, a legend below.
 */
export function BarChart(props: BarChartProps) {
  const [ref, width] = useChartWidth<HTMLDivElement>();
  const legendHeight = props.legend ? 28 : 0;
  return (
    <div className="bar-chart" data-testid={props.testId}>
      <div ref={ref} style={{ width: '100%', height: props.height - legendHeight }}>
        {width > 0 ? (
          <BarPlot {...props} width={width} height={props.height - legendHeight} />
        ) : null}
      </div>
      {props.legend ? <ChartLegend entries={props.series} /> : null}
    </div>
  );
}

function BarPlot({
  label,
  rows,
  series,
  layout,
  width,
  height,
  expand = false,
  domain,
  integerTicks = false,
  formatTick = String,
  categoryWidth = 72,
  referenceLines = [],
  describe = defaultDescribe,
}: BarChartProps & { width: number }) {
  const stacks = stackRows(
    rows.map((row) => row.values),
    series.map((entry) => entry.key),
    expand,
  );
  const largest = Math.max(0, ...stacks.map((pieces) => pieces[pieces.length - 1]?.to ?? 0));
  const columns = layout === 'columns';
  // The plot's box inside the svg: room for the value labels and the category labels.
  const plot = columns
    ? { left: 44, right: width - 16, top: 8, bottom: height - 24 }
    : { left: categoryWidth + 8, right: width - 16, top: 4, bottom: height - 24 };
  const { scale: value, ticks } = barValueAxis({
    largest,
    range: columns ? [plot.bottom, plot.top] : [plot.left, plot.right],
    domain,
    expand,
    integerTicks,
  });
  const band = columns
    ? categoryBands(rows.length, [plot.left, plot.right])
    : categoryBands(rows.length, [plot.top, plot.bottom]);
  return (
    <svg width={width} height={height} role="img" aria-label={label} className="chart-svg">
      <ValueTicks
        ticks={ticks}
        at={value}
        along={columns ? 'y' : 'x'}
        across={columns ? [plot.left, plot.right] : [plot.top, plot.bottom]}
        format={formatTick}
      />
      {rows.map((row, index) => (
        <g key={row.category} className="chart-bar-group">
          {(stacks[index] ?? []).map((piece) => {
            const entry = series.find((candidate) => candidate.key === piece.key);
            if (entry === undefined || piece.to === piece.from) return null;
            const from = value(piece.from);
            const to = value(piece.to);
            const box = columns
              ? { x: band.start(index), y: to, width: band.bandwidth, height: from - to }
              : { x: from, y: band.start(index), width: to - from, height: band.bandwidth };
            return (
              <rect
                key={piece.key}
                className="chart-bar"
                data-series={piece.key}
                {...box}
                fill={row.colour ?? entry.colour}
              >
                <title>{describe(row, entry, piece)}</title>
              </rect>
            );
          })}
          <CategoryLabel
            label={row.category}
            along={columns ? 'x' : 'y'}
            x={columns ? band.middle(index) : plot.left - 6}
            y={columns ? plot.bottom + 6 : band.middle(index)}
            room={columns ? band.step : categoryWidth}
          />
        </g>
      ))}
      {referenceLines.map((line) => {
        const at = Math.round(value(line.value)) + 0.5;
        return columns ? (
          <line
            key={line.value}
            x1={plot.left}
            x2={plot.right}
            y1={at}
            y2={at}
            stroke={line.colour}
            strokeDasharray="4 4"
          />
        ) : (
          <line
            key={line.value}
            x1={at}
            x2={at}
            y1={plot.top}
            y2={plot.bottom}
            stroke={line.colour}
            strokeDasharray="4 4"
          />
        );
      })}
      {/* The axes' own lines, drawn last so bars do not cover them. */}
      <line
        x1={plot.left}
        x2={columns ? plot.right : plot.left}
        y1={plot.bottom + 0.5}
        y2={columns ? plot.bottom + 0.5 : plot.top}
        stroke={chartStyle.axisColour}
      />
      <line
        x1={plot.left + 0.5}
        x2={columns ? plot.left + 0.5 : plot.right}
        y1={columns ? plot.top : plot.bottom + 0.5}
        y2={plot.bottom + 0.5}
        stroke={chartStyle.axisColour}
      />
    </svg>
  );
}
