import { describe, expect, it } from 'vitest';
import {
  barValueAxis,
  categoryBands,
  stackRows,
  type TrendPoint,
  trendDrawing,
  wrapLabel,
} from './chart-math.ts';

/** The numbers of an SVG path, in order. */
function numbers(path: string): number[] {
  return (path.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
}

/** The cubic Bézier at t for one coordinate. */
function bezier(p0: number, c1: number, c2: number, p1: number, t: number): number {
  const u = 1 - t;
  return u * u * u * p0 + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * p1;
}

describe("a bar chart's value axis", () => {
  // A column chart's y axis, 8px from the top to 196px down.
  const range: [number, number] = [196, 8];

  it('runs effort counts from 0 to a round value past the tallest stack, a tick every 10', () => {
    const axis = barValueAxis({ largest: 37, range, integerTicks: true });
    expect(axis.scale.domain()).toEqual([0, 40]);
    expect(axis.ticks).toEqual([0, 10, 20, 30, 40]);
    expect(axis.scale(0)).toBe(196);
    expect(axis.scale(40)).toBe(8);
    expect(axis.scale(20)).toBe(102);
  });

  it('labels only whole numbers when the counts are small', () => {
    expect(barValueAxis({ largest: 3, range, integerTicks: true }).ticks).toEqual([0, 1, 2, 3]);
    // Impact scores such as 1.15: the axis ends at 1.2, not a step further, and labels 0 and 1.
    const impact = barValueAxis({ largest: 1.15, range: [80, 500], integerTicks: true });
    expect(impact.scale.domain()).toEqual([0, 1.2]);
    expect(impact.ticks).toEqual([0, 1]);
  });

  it('still draws an axis from 0 to 1 when every count is 0', () => {
    const axis = barValueAxis({ largest: 0, range, integerTicks: true });
    expect(axis.scale.domain()).toEqual([0, 1]);
    expect(axis.ticks).toEqual([0, 1]);
  });

  it('shows shares as 0 to 1 in fifths, exact enough to print as whole percents', () => {
    const axis = barValueAxis({ largest: 1, range: [80, 500], expand: true });
    expect(axis.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(axis.ticks.map((share) => `${Math.round(share * 100)}%`)).toEqual([
      '0%',
      '20%',
      '40%',
      '60%',
      '80%',
      '100%',
    ]);
    expect(axis.scale(0.5)).toBe(290);
  });

  it('keeps a given domain as it is, whatever the bars hold (the gaps chart: 0–100%)', () => {
    const axis = barValueAxis({ largest: 73.4, range, domain: [0, 100] });
    expect(axis.scale.domain()).toEqual([0, 100]);
    expect(axis.ticks).toEqual([0, 20, 40, 60, 80, 100]);
    // The 90% threshold line sits a tenth of the way down the plot.
    expect(axis.scale(90)).toBeCloseTo(26.8);
  });
});

describe('category bands', () => {
  it('gives every bar the same width with a fifth of a step between bars', () => {
    const bands = categoryBands(4, [0, 100]);
    // 4 bars, 3 gaps of 0.2 and 0.1 at both ends: 4 steps of 25px, bars 20px wide.
    expect(bands.step).toBeCloseTo(25);
    expect(bands.bandwidth).toBeCloseTo(20);
    expect([0, 1, 2, 3].map(bands.start)).toEqual(
      [2.5, 27.5, 52.5, 77.5].map((at) => expect.closeTo(at)),
    );
    expect(bands.middle(1)).toBeCloseTo(37.5);
  });

  it('centres a single bar', () => {
    const bands = categoryBands(1, [100, 200]);
    expect(bands.middle(0)).toBeCloseTo(150);
  });
});

describe('stacked bars', () => {
  const keys = ['kept', 'late', 'missed'];

  it('stack values end to end in the series order, keeping each value for the hover text', () => {
    expect(stackRows([{ kept: 3, late: 1, missed: 2 }], keys)).toEqual([
      [
        { key: 'kept', value: 3, from: 0, to: 3 },
        { key: 'late', value: 1, from: 3, to: 4 },
        { key: 'missed', value: 2, from: 4, to: 6 },
      ],
    ]);
  });

  it('stack shares of each row total when expanded, every row ending at 1', () => {
    const [first, second] = stackRows(
      [
        { kept: 3, late: 1, missed: 0 },
        { kept: 1, late: 1, missed: 2 },
      ],
      keys,
      true,
    );
    expect(first?.map((piece) => piece.to)).toEqual([0.75, 1, 1]);
    expect(first?.[2]).toEqual({ key: 'missed', value: 0, from: 1, to: 1 });
    expect(second?.map((piece) => [piece.from, piece.to])).toEqual([
      [0, 0.25],
      [0.25, 0.5],
      [0.5, 1],
    ]);
  });

  it('count a missing value as 0 and leave a row with nothing in it at zero', () => {
    const [empty] = stackRows([{}], keys, true);
    expect(empty?.map((piece) => [piece.value, piece.from, piece.to])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});

describe('the trust trend', () => {
  const rows: TrendPoint[] = [
    { score: 72.8, low: 68.1, high: 76.9 },
    { score: 70.2, low: 65.4, high: 74.6 },
    { score: 66.5, low: 61.2, high: 71.3 },
    { score: 71.1, low: 67.8, high: 74.2 },
  ];
  const plot = { left: 36, right: 336, top: 8, bottom: 216 };
  const drawing = trendDrawing(rows, plot);

  it('runs trust from a round value under the lowest low up to 100, a tick every 10', () => {
    // Lowest 61.2: the axis starts at 56, labelled from 60.
    expect(drawing.y.scale.domain()).toEqual([56, 100]);
    expect(drawing.y.ticks).toEqual([60, 70, 80, 90, 100]);
    expect(drawing.y.scale(100)).toBe(8);
    expect(drawing.y.scale(56)).toBe(216);
  });

  it('never starts the axis below 0', () => {
    const low = trendDrawing([{ score: 3, low: 0, high: 9 }], plot);
    expect(low.y.scale.domain()).toEqual([0, 100]);
    expect(low.y.ticks).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('spaces the months evenly, the first and last 12px inside the plot', () => {
    expect(rows.map((_, index) => drawing.x(index))).toEqual([48, 140, 232, 324]);
    expect(drawing.points.map((point) => point.x)).toEqual([48, 140, 232, 324]);
    expect(drawing.points[0]?.y).toBeCloseTo(216 - ((72.8 - 56) / 44) * 208);
    expect(trendDrawing([rows[0] as TrendPoint], plot).x(0)).toBe(186);
  });

  it('draws the score as this curve through its dots', () => {
    expect(drawing.line).toBe(
      'M48,136.58C78.67,140.25,109.33,143.91,140,148.87C170.67,153.84,201.33,166.36,232,166.36C262.67,166.36,293.33,155.49,324,144.62',
    );
  });

  it('never takes the line above or below the two dots a segment joins', () => {
    const values = numbers(drawing.line);
    for (let segment = 0; segment < rows.length - 1; segment += 1) {
      const fromY = values[segment * 6 + 1] as number;
      const [c1y, , c2y, , toY] = values.slice(segment * 6 + 3, segment * 6 + 8) as number[];
      const low = Math.min(fromY, toY as number);
      const high = Math.max(fromY, toY as number);
      for (let t = 0; t <= 1; t += 0.05) {
        const y = bezier(fromY, c1y as number, c2y as number, toY as number, t);
        expect(y).toBeGreaterThanOrEqual(low - 1e-9);
        expect(y).toBeLessThanOrEqual(high + 1e-9);
      }
    }
  });

  it('draws the likely range as a band along the highs and back along the lows', () => {
    expect(drawing.band).toBe(
      'M48,117.2C78.67,120.43,109.33,123.66,140,128.07C170.67,132.48,201.33,143.67,232,143.67C262.67,143.67,293.33,136.82,324,129.96' +
        'L324,160.22C293.33,175.82,262.67,191.42,232,191.42C201.33,191.42,170.67,177,140,171.56C109.33,166.13,78.67,162.46,48,158.8Z',
    );
  });
});

describe('category labels', () => {
  it('keep short labels on one line', () => {
    expect(wrapLabel('delivery', 20)).toEqual(['delivery']);
  });

  it('break long labels at spaces and cut what is left past the last line', () => {
    expect(wrapLabel('refunds need a manager sign-off', 16)).toEqual([
      'refunds need a',
      'manager sign-off',
    ]);
    expect(wrapLabel('one two three four five six', 8)).toEqual(['one two', 'three f…']);
  });
});
