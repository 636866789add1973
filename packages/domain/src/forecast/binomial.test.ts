import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error.ts';
import { binomialBand, binomialCdf, binomialPmf, binomialQuantile, logGamma } from './binomial.ts';

describe('log-gamma', () => {
  it('matches known values of ln Γ', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 11);
    expect(logGamma(3.7)).toBeCloseTo(1.4280723266653883, 11);
    expect(logGamma(100.5)).toBeCloseTo(361.4355404677776, 9);
    expect(logGamma(0.001)).toBeCloseTo(6.907178885383854, 10);
  });

  it('refuses a non-positive argument', () => {
    expect(() => logGamma(0)).toThrow(DomainError);
  });
});

describe('the binomial distribution', () => {
  it('matches exact binomial CDF values computed with fractions', () => {
    expect(binomialCdf(5, 10, 0.5)).toBeCloseTo(638 / 1024, 12);
    expect(binomialCdf(2, 10, 0.5)).toBeCloseTo(56 / 1024, 12);
    expect(binomialCdf(5, 20, 0.3)).toBeCloseTo(0.4163708294474814, 11);
    expect(binomialCdf(85, 100, 0.9)).toBeCloseTo(0.07257296526488076, 10);
    expect(binomialCdf(940, 1000, 0.95)).toBeCloseTo(0.08673217838486096, 9);
  });

  it('gives every mass to one end when p is 0 or 1', () => {
    expect(binomialPmf(0, 5, 0)).toBe(1);
    expect(binomialPmf(5, 5, 1)).toBe(1);
    expect(binomialCdf(4, 5, 1)).toBe(0);
  });

  it('sums its probabilities to 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, p) => {
          let total = 0;
          for (let k = 0; k <= n; k++) total += binomialPmf(k, n, p);
          expect(total).toBeCloseTo(1, 9);
        },
      ),
    );
  });

  it('has quantiles that are the smallest k whose CDF reaches q', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (n, p, q) => {
          const k = binomialQuantile(q, n, p);
          expect(binomialCdf(k, n, p)).toBeGreaterThanOrEqual(q - 1e-9);
          if (k > 0) expect(binomialCdf(k - 1, n, p)).toBeLessThan(q);
        },
      ),
    );
  });
});

describe('the coverage band', () => {
  it('is the central 95% range of Bin(n, p), as exact fractions give it', () => {
    const cases: [number, number, number, number][] = [
      [100, 0.5, 40, 60],
      [100, 0.8, 72, 88],
      [100, 0.9, 84, 95],
      [100, 0.95, 90, 99],
      [400, 0.8, 304, 335],
      [20, 0.95, 17, 20],
      [3, 0.95, 2, 3],
      [1000, 0.95, 936, 963],
    ];
    for (const [n, p, lowHits, highHits] of cases) {
      const band = binomialBand(n, p, 0.95);
      expect([band.lowHits, band.highHits], `Bin(${n}, ${p})`).toEqual([lowHits, highHits]);
      expect(band.low).toBe(lowHits / n);
      expect(band.high).toBe(highHits / n);
    }
  });

  it('leaves at most 5% outside it for a forecaster that truly covers p', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom(0.5, 0.8, 0.9, 0.95),
        (n, p) => {
          const band = binomialBand(n, p, 0.95);
          const outside =
            binomialCdf(band.lowHits - 1, n, p) + (1 - binomialCdf(band.highHits, n, p));
          expect(outside).toBeLessThanOrEqual(0.05 + 1e-9);
        },
      ),
    );
  });

  it('spans every possible count when nothing was resolved', () => {
    expect(binomialBand(0, 0.8, 0.95)).toMatchObject({ lowHits: 0, highHits: 0, low: 0, high: 1 });
  });
});
