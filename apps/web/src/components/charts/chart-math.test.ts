import { describe, expect, it } from 'vitest';
import {
  bandScale,
  linearScale,
  monotoneAreaPath,
  monotoneLinePath,
  niceDomain,
  niceTicks,
  pointScale,
  stackRow,
  tickStep,
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

describe('ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(tickStep(0, 100, 5)).toBe(20);
    expect(tickStep(0, 1, 5)).toBe(0.2);
    expect(tickStep(0, 37, 5)).toBe(10);
    expect(tickStep(0, 3, 5)).toBe(0.5);
  });

  it('lands on round values inside the domain, without floating-point noise', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(43, 100)).toEqual([50, 60, 70, 80, 90, 100]);
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('gives the one value of an empty domain', () => {
    expect(niceTicks(5, 5)).toEqual([5]);
  });

  it('widens a domain outwards to whole steps', () => {
    expect(niceDomain(0, 37)).toEqual([0, 40]);
    expect(niceDomain(0, 100)).toEqual([0, 100]);
    expect(niceDomain(0, 0)).toEqual([0, 0]);
  });
});

describe('scales', () => {
  it('maps a domain linearly onto a range, backwards too', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(100)).toBe(0);
    expect(y(25)).toBe(150);
    expect(y.ticks(5)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('puts a one-value domain in the middle of the range', () => {
    expect(linearScale([3, 3], [0, 10])(3)).toBe(5);
  });

  it('splits a range into equal bands with gaps between and around them', () => {
    const band = bandScale(4, [0, 100], 0.2);
    // 4 bands, 3 inner gaps and 2 half-gaps outside: 4 - 0.2 + 0.2 = 4 steps of 25.
    expect(band.bandwidth).toBeCloseTo(20);
    expect(band.start(0)).toBeCloseTo(2.5);
    expect(band.start(3) + band.bandwidth + 2.5).toBeCloseTo(100);
    expect(band.middle(1)).toBeCloseTo(2.5 + 25 + 10);
  });

  it('spreads points from end to end', () => {
    const x = pointScale(3, [10, 30]);
    expect([0, 1, 2].map(x)).toEqual([10, 20, 30]);
    expect(pointScale(1, [10, 30])(0)).toBe(20);
  });
});

describe('the monotone curve', () => {
  const points = [
    { x: 0, y: 50 },
    { x: 10, y: 60 },
    { x: 20, y: 20 },
    { x: 30, y: 25 },
    { x: 40, y: 90 },
  ];

  it('starts at the first point and passes through every point', () => {
    const path = monotoneLinePath(points);
    expect(path.startsWith('M0,50C')).toBe(true);
    const values = numbers(path);
    // M x,y then per segment: c1x,c1y,c2x,c2y,x,y.
    const ends = points
      .slice(1)
      .map((_, index) => values.slice(2 + index * 6 + 4, 2 + index * 6 + 6));
    expect(ends).toEqual(points.slice(1).map((point) => [point.x, point.y]));
  });

  it('never goes beyond the two points a segment joins', () => {
    const values = numbers(monotoneLinePath(points));
    for (let segment = 0; segment < points.length - 1; segment += 1) {
      const from = points[segment] as { x: number; y: number };
      const [, c1y, , c2y, , toY] = values.slice(2 + segment * 6, 2 + segment * 6 + 6) as number[];
      const low = Math.min(from.y, toY as number);
      const high = Math.max(from.y, toY as number);
      for (let t = 0; t <= 1; t += 0.05) {
        const y = bezier(from.y, c1y as number, c2y as number, toY as number, t);
        expect(y).toBeGreaterThanOrEqual(low - 1e-9);
        expect(y).toBeLessThanOrEqual(high + 1e-9);
      }
    }
  });

  it('is a straight line between two points and nothing without any', () => {
    expect(
      monotoneLinePath([
        { x: 0, y: 0 },
        { x: 10, y: 5 },
      ]),
    ).toBe('M0,0L10,5');
    expect(monotoneLinePath([])).toBe('');
  });

  it('closes a band from the upper curve back along the lower one', () => {
    const upper = points.map((point) => ({ x: point.x, y: point.y - 5 }));
    const lower = points.map((point) => ({ x: point.x, y: point.y + 5 }));
    const path = monotoneAreaPath(upper, lower);
    expect(path.startsWith('M0,45C')).toBe(true);
    expect(path).toContain('L40,95C');
    expect(path.endsWith('0,55Z')).toBe(true);
  });
});

describe('stacking', () => {
  const keys = ['kept', 'late', 'missed'];

  it('stacks values end to end in the given order', () => {
    expect(stackRow({ kept: 3, late: 1, missed: 2 }, keys)).toEqual([
      { key: 'kept', value: 3, from: 0, to: 3 },
      { key: 'late', value: 1, from: 3, to: 4 },
      { key: 'missed', value: 2, from: 4, to: 6 },
    ]);
  });

  it('stacks shares of the total when expanded, ending at 1', () => {
    const pieces = stackRow({ kept: 3, late: 1, missed: 0 }, keys, true);
    expect(pieces.map((piece) => piece.to)).toEqual([0.75, 1, 1]);
    expect(pieces[2]).toEqual({ key: 'missed', value: 0, from: 1, to: 1 });
  });

  it('leaves a row with nothing in it at zero', () => {
    expect(stackRow({}, keys, true).map((piece) => piece.to)).toEqual([0, 0, 0]);
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
