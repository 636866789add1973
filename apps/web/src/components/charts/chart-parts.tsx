import { wrapLabel } from './chart-math.ts';

/** The look shared by every chart: recharts' defaults, which the pages were designed with. */
export const chartStyle = {
  fontSize: 12,
  tickColour: '#666',
  axisColour: '#666',
  gridColour: '#e7ebf1',
} as const;

export interface LegendEntry {
  name: string;
  colour: string;
}

/** The series' names beside their colours, under the chart. */
export function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <ul className="chart-legend">
      {entries.map((entry) => (
        <li key={entry.name}>
          <svg width="10" height="10" aria-hidden="true">
            <rect width="10" height="10" fill={entry.colour} />
          </svg>
          {entry.name}
        </li>
      ))}
    </ul>
  );
}

/** A value axis's ticks as grid lines across the plot and labels beside it. */
export function ValueTicks({
  ticks,
  at,
  along,
  across,
  format,
}: {
  ticks: readonly number[];
  /** Where a tick value sits on the value axis, in pixels. */
  at: (value: number) => number;
  /** 'x': the value axis runs left to right (labels below); 'y': bottom to top (labels left). */
  along: 'x' | 'y';
  /** The plot's extent across the value axis: [left, right] for 'y', [top, bottom] for 'x'. */
  across: readonly [number, number];
  format: (value: number) => string;
}) {
  const [from, to] = across;
  return (
    <g className="chart-value-axis">
      {ticks.map((tick) => {
        const position = Math.round(at(tick)) + 0.5;
        return along === 'y' ? (
          <g key={tick}>
            <line x1={from} x2={to} y1={position} y2={position} stroke={chartStyle.gridColour} />
            <text
              x={from - 6}
              y={position}
              textAnchor="end"
              dominantBaseline="middle"
              fill={chartStyle.tickColour}
              fontSize={chartStyle.fontSize}
            >
              {format(tick)}
            </text>
          </g>
        ) : (
          <g key={tick}>
            <line x1={position} x2={position} y1={from} y2={to} stroke={chartStyle.gridColour} />
            <text
              x={position}
              y={to + 16}
              textAnchor="middle"
              fill={chartStyle.tickColour}
              fontSize={chartStyle.fontSize}
            >
              {format(tick)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** A category's name under its column (x axis) or left of its row (y axis), wrapped to fit. */
export function CategoryLabel({
  label,
  x,
  y,
  along,
  room,
}: {
  label: string;
  x: number;
  y: number;
  along: 'x' | 'y';
  /** Pixels the label may take across: the band's width (x) or the axis's width (y). */
  room: number;
}) {
  // About 6.5px a character at 12px: enough to wrap before a label runs into the next one.
  const lines = wrapLabel(label, Math.max(4, Math.floor(room / 6.5)));
  const lineHeight = 14;
  const firstDy = along === 'y' ? -((lines.length - 1) * lineHeight) / 2 : 0;
  return (
    <text
      x={x}
      y={y}
      textAnchor={along === 'y' ? 'end' : 'middle'}
      dominantBaseline={along === 'y' ? 'middle' : 'hanging'}
      fill={chartStyle.tickColour}
      fontSize={chartStyle.fontSize}
    >
      {lines.length > 1 || lines[0] !== label ? <title>{label}</title> : null}
      {lines.map((line, index) => (
        <tspan key={line} x={x} dy={index === 0 ? firstDy : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
