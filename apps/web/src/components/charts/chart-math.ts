// The arithmetic behind the web admin's SVG charts: scales, "nice" ticks, a monotone curve and
// stacking. These are ports of the d3-array / d3-scale / d3-shape algorithms recharts itself used
// (tick steps of 1, 2 or 5 × 10ⁿ; Steffen's monotone cubic), kept here because the d3 packages are
// not dependencies of this app and the whole job is ~150 lines.

/** A function from a domain value to a pixel position. */
export interface LinearScale {
  (value: number): number;
  domain: readonly [number, number];
  range: readonly [number, number];
  ticks: (count?: number) => number[];
}

const e10 = Math.sqrt(50);
const e5 = Math.sqrt(10);
const e2 = Math.sqrt(2);

/** The spacing of about `count` ticks over [start, stop]: 1, 2 or 5 times a power of ten. */
export function tickStep(start: number, stop: number, count: number): number {
  const rough = Math.abs(stop - start) / Math.max(1, count);
  if (!Number.isFinite(rough) || rough === 0) return 0;
  const power = 10 ** Math.floor(Math.log10(rough));
  const error = rough / power;
  const factor = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1;
  return power * factor;
}

/**
 * About `count` round tick values inside [start, stop]. Values are built from integers and then
 * divided (as d3 does) so 0.1 steps print as 0.3, not 0.30000000000000004.
 */
export function niceTicks(start: number, stop: number, count = 5): number[] {
  const [low, high] = start <= stop ? [start, stop] : [stop, start];
  if (low === high) return [low];
  const step = tickStep(low, high, count);
  if (step === 0) return [low];
  const inverse = step < 1 ? Math.round(1 / step) : 0;
  const first = inverse > 0 ? Math.ceil(low * inverse) : Math.ceil(low / step);
  const last = inverse > 0 ? Math.floor(high * inverse) : Math.floor(high / step);
  const ticks: number[] = [];
  for (let index = first; index <= last; index += 1) {
    ticks.push(inverse > 0 ? index / inverse : index * step);
  }
  return ticks;
}

/** The domain widened outwards to whole tick steps, so the axis starts and ends on a tick. */
export function niceDomain(start: number, stop: number, count = 5): [number, number] {
  let low = start;
  let high = stop;
  // Widening can change the step once; twice settles it (d3 loops the same way).
  for (let pass = 0; pass < 2; pass += 1) {
    const step = tickStep(low, high, count);
    if (step === 0) break;
    low = Math.floor(low / step) * step;
    high = Math.ceil(high / step) * step;
  }
  return [low, high];
}

/** A linear map from `domain` onto `range` (range may run backwards, as a y axis does). */
export function linearScale(domain: [number, number], range: [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = (value: number) =>
    span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0);
  return Object.assign(scale, {
    domain: [d0, d1] as const,
    range: [r0, r1] as const,
    ticks: (count = 5) => niceTicks(d0, d1, count),
  });
}

export interface BandScale {
  /** Where the band for `index` starts. */
  start: (index: number) => number;
  /** The middle of the band for `index`. */
  middle: (index: number) => number;
  bandwidth: number;
}

/**
 * `count` equal bands over `range`, a gap of `padding` (a share of each step) between them and
 * half of it at both ends, centred: what a bar chart's category axis needs.
 */
export function bandScale(count: number, range: [number, number], padding = 0.2): BandScale {
  const [r0, r1] = range;
  const outer = padding / 2;
  const step = (r1 - r0) / Math.max(1, count - padding + 2 * outer);
  const bandwidth = step * (1 - padding);
  const first = r0 + step * outer;
  return {
    start: (index) => first + step * index,
    middle: (index) => first + step * index + bandwidth / 2,
    bandwidth,
  };
}

/** `count` evenly spaced points from one end of `range` to the other (one point: the middle). */
export function pointScale(count: number, range: [number, number]): (index: number) => number {
  const [r0, r1] = range;
  if (count <= 1) return () => (r0 + r1) / 2;
  const step = (r1 - r0) / (count - 1);
  return (index) => r0 + step * index;
}

export interface Point {
  x: number;
  y: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

function slopeThrough(previous: Point, point: Point, next: Point): number {
  const h0 = point.x - previous.x;
  const h1 = next.x - point.x;
  const s0 = h0 === 0 ? 0 : (point.y - previous.y) / h0;
  const s1 = h1 === 0 ? 0 : (next.y - point.y) / h1;
  const p = (s0 * h1 + s1 * h0) / (h0 + h1);
  return (
    (Math.sign(s0 || 1) + Math.sign(s1 || 1)) *
      Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0
  );
}

function endSlope(from: Point, to: Point, neighbourSlope: number): number {
  const h = to.x - from.x;
  return h === 0 ? neighbourSlope : ((3 * (to.y - from.y)) / h - neighbourSlope) / 2;
}

/**
 * The SVG path commands (without the leading move) of a curve through `points` that never
 * overshoots them: between two points it stays within their y values (Steffen 1990, as d3's
 * curveMonotoneX).
 */
function monotoneSegments(points: readonly Point[]): string {
  if (points.length < 2) return '';
  if (points.length === 2) {
    const end = points[1] as Point;
    return `L${round(end.x)},${round(end.y)}`;
  }
  const slopes = points.map((point, index) => {
    const previous = points[index - 1];
    const next = points[index + 1];
    return previous === undefined || next === undefined ? 0 : slopeThrough(previous, point, next);
  });
  const last = points.length - 1;
  slopes[0] = endSlope(points[0] as Point, points[1] as Point, slopes[1] ?? 0);
  slopes[last] = endSlope(points[last - 1] as Point, points[last] as Point, slopes[last - 1] ?? 0);
  let path = '';
  for (let index = 0; index < last; index += 1) {
    const from = points[index] as Point;
    const to = points[index + 1] as Point;
    const third = (to.x - from.x) / 3;
    const c1 = { x: from.x + third, y: from.y + third * (slopes[index] ?? 0) };
    const c2 = { x: to.x - third, y: to.y - third * (slopes[index + 1] ?? 0) };
    path += `C${round(c1.x)},${round(c1.y)},${round(c2.x)},${round(c2.y)},${round(to.x)},${round(to.y)}`;
  }
  return path;
}

/** An SVG path through `points` along a monotone curve. */
export function monotoneLinePath(points: readonly Point[]): string {
  const first = points[0];
  if (first === undefined) return '';
  return `M${round(first.x)},${round(first.y)}${monotoneSegments(points)}`;
}

/** A closed SVG path between two curves over the same x values: a band (e.g. a likely range). */
export function monotoneAreaPath(upper: readonly Point[], lower: readonly Point[]): string {
  const lowerBack = [...lower].reverse();
  const first = lowerBack[0];
  if (upper.length === 0 || first === undefined) return '';
  return `${monotoneLinePath(upper)}L${round(first.x)},${round(first.y)}${monotoneSegments(lowerBack)}Z`;
}

/** One bar's piece of a stacked bar: where it starts and ends on the value axis. */
export interface StackedPiece {
  key: string;
  value: number;
  from: number;
  to: number;
}

/**
 * Each row's values stacked in `keys` order; with `expand`, as shares of the row's total (a row
 * totalling 0 stays at 0), as recharts' stackOffset="expand" drew them.
 */
export function stackRow(
  values: Readonly<Record<string, number>>,
  keys: readonly string[],
  expand = false,
): StackedPiece[] {
  const total = keys.reduce((sum, key) => sum + (values[key] ?? 0), 0);
  const divisor = expand ? total : 1;
  let running = 0;
  return keys.map((key) => {
    const value = values[key] ?? 0;
    const from = running;
    running += divisor === 0 ? 0 : value / divisor;
    return { key, value, from, to: running };
  });
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
