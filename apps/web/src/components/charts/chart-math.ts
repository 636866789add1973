// The arithmetic behind the web admin's SVG charts. Scales, round ticks, the monotone curve and
// stacking are d3-scale's and d3-shape's; what stays here is this app's own choices: which domain
// and ticks each value axis gets, the bars' spacing, the trend's line and band, and how category
// labels wrap.
import { type ScaleLinear, scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { area, curveMonotoneX, line, stack, stackOffsetExpand, stackOffsetNone } from 'd3-shape';

/** About this many ticks on every value axis (d3 picks 1, 2 or 5 × 10ⁿ steps near it). */
const tickCount = 5;

/** Paths rounded to hundredths of a pixel: finer than any screen draws, shorter in the DOM. */
const pathDigits = 2;

const indices = (count: number) => Array.from({ length: count }, (_, index) => index);

/** A value axis: where a value sits in pixels, and the round values labelled along it. */
export interface ValueAxis {
  scale: ScaleLinear<number, number>;
  ticks: number[];
}

/**
 * A bar chart's value axis over `range` (which may run backwards, as a y axis does): the given
 * domain, else 0–1 for shares, else 0 to the largest stack widened to a round tick; whole numbers
 * only when the bars are counts (at least 0–1, so a chart of zeros still has an axis).
 */
export function barValueAxis({
  largest,
  range,
  domain,
  expand = false,
  integerTicks = false,
}: {
  largest: number;
  range: [number, number];
  domain?: [number, number] | undefined;
  expand?: boolean;
  integerTicks?: boolean;
}): ValueAxis {
  const scale = scaleLinear().range(range);
  if (domain !== undefined) scale.domain(domain);
  else if (expand) scale.domain([0, 1]);
  else scale.domain([0, Math.max(largest, integerTicks ? 1 : 0)]).nice(tickCount);
  const ticks = scale.ticks(tickCount).filter((tick) => !integerTicks || Number.isInteger(tick));
  return { scale, ticks };
}

/** Where each category's bar goes along the category axis. */
export interface CategoryBands {
  /** Where the bar of the `index`-th category starts. */
  start: (index: number) => number;
  /** The middle of its bar, where its label goes. */
  middle: (index: number) => number;
  bandwidth: number;
  /** A bar and the gap after it: the room a category's label may take. */
  step: number;
}

/** `count` equal bars over `range`, a fifth of each step between bars and a tenth at both ends. */
export function categoryBands(count: number, range: [number, number]): CategoryBands {
  const band = scaleBand<number>()
    .domain(indices(count))
    .range(range)
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const bandwidth = band.bandwidth();
  // scaleBand answers undefined only for a value outside its domain; callers pass row indices.
  const start = (index: number) => band(index) ?? Number.NaN;
  return { start, middle: (index) => start(index) + bandwidth / 2, bandwidth, step: band.step() };
}

/** One bar's piece of a stacked bar: its value, and where it starts and ends on the value axis. */
export interface StackedPiece {
  key: string;
  value: number;
  from: number;
  to: number;
}

/**
 * Each row's values stacked in `keys` order (a missing value counts 0); with `expand`, as shares of
 * the row's total, a row totalling 0 staying at 0.
 */
export function stackRows(
  rows: readonly Readonly<Record<string, number>>[],
  keys: readonly string[],
  expand = false,
): StackedPiece[][] {
  const layers = stack<Readonly<Record<string, number>>>()
    .keys(keys)
    .value((row, key) => row[key] ?? 0)
    .offset(expand ? stackOffsetExpand : stackOffsetNone)(rows);
  return rows.map((row, index) =>
    layers.map((layer) => ({
      key: layer.key,
      value: row[layer.key] ?? 0,
      from: layer[index]?.[0] ?? 0,
      to: layer[index]?.[1] ?? 0,
    })),
  );
}

/** One point of the trust trend: the score and its likely range, 0–100. */
export interface TrendPoint {
  score: number;
  low: number;
  high: number;
}

export interface PlotBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface TrendDrawing {
  y: ValueAxis;
  /** Where the `index`-th row sits across the plot. */
  x: (index: number) => number;
  /** Where each row's dot goes. */
  points: { x: number; y: number }[];
  /** The score as a curve that never overshoots the dots (monotone in x). */
  line: string;
  /** The likely range as a band: along the highs, back along the lows. */
  band: string;
}

/**
 * The trust trend drawn in `plot`: rows evenly spaced, inset 12px so the end dots are not cut, and
 * trust from a round value a little under the lowest point or low (never below 0) up to 100.
 */
export function trendDrawing(rows: readonly TrendPoint[], plot: PlotBox): TrendDrawing {
  const lowest = Math.min(...rows.map((row) => Math.min(row.low, row.score)));
  const y = scaleLinear()
    .domain([Math.max(0, Math.floor(lowest - 5)), 100])
    .range([plot.bottom, plot.top]);
  const x = scalePoint<number>()
    .domain(indices(rows.length))
    .range([plot.left + 12, plot.right - 12]);
  // scalePoint answers undefined only for a value outside its domain; the indices are all in it.
  const xOf = (index: number) => x(index) ?? Number.NaN;
  const xAt = (_row: TrendPoint, index: number) => xOf(index);
  const scoreLine = line<TrendPoint>()
    .x(xAt)
    .y((row) => y(row.score))
    .curve(curveMonotoneX)
    .digits(pathDigits);
  const rangeBand = area<TrendPoint>()
    .x(xAt)
    .y0((row) => y(row.low))
    .y1((row) => y(row.high))
    .curve(curveMonotoneX)
    .digits(pathDigits);
  return {
    y: { scale: y, ticks: y.ticks(tickCount) },
    x: xOf,
    points: rows.map((row, index) => ({ x: xOf(index), y: y(row.score) })),
    line: scoreLine(rows) ?? '',
    band: rangeBand(rows) ?? '',
  };
}

/**
 * A category label broken into lines of at most `maxChars` characters at spaces (a word longer
 * than that gets a line of its own), at most `maxLines` lines, the last cut with an ellipsis.
 */
export function wrapLabel(label: string, maxChars: number, maxLines = 2): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter((part) => part !== '')) {
    const current = lines[lines.length - 1];
    if (current !== undefined && current.length + 1 + word.length <= maxChars) {
      lines[lines.length - 1] = `${current} ${word}`;
    } else {
      lines.push(word);
    }
  }
  if (lines.length <= maxLines) return lines;
  const rest = lines.slice(maxLines - 1).join(' ');
  return [...lines.slice(0, maxLines - 1), `${rest.slice(0, Math.max(1, maxChars - 1))}…`];
}
