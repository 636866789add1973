import { describe, expect, it } from 'vitest';
import {
  censoredSample,
  exponentialDraw,
  logNormalDraw,
  standardNormalCdf,
  standardNormalQuantile,
} from '../__tests__/survival-builders.ts';
import { kaplanMeier, survivalAt } from './kaplan-meier.ts';
import { durationQuantile } from './survival-queries.ts';

// True durations: log-normal with a median of 5 business days (2,400 min) and σ = 0.6, the shape
// lead times usually have. Censoring: independent, exponential with a mean of 8,000 min, which
// leaves about a quarter of the records open or missed.
const MU = Math.log(2400);
const SIGMA = 0.6;
const trueCdf = (minutes: number) => standardNormalCdf((Math.log(minutes) - MU) / SIGMA);
const trueQuantile = (level: keyof typeof standardNormalQuantile) =>
  Math.exp(MU + SIGMA * standardNormalQuantile[level]);

const sample = (seed: number, n = 2000) =>
  censoredSample({
    n,
    seed,
    drawDuration: (random) => logNormalDraw(random, MU, SIGMA),
    drawCensoring: (random) => exponentialDraw(random, 8000),
  });

const levels = [0.5, 0.8, 0.9, 0.95] as const;
const seeds = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89];

/** The 80% duration of plain fulfilled-only records: what ignoring the censored ones would say. */
function naiveQuantile(durations: number[], level: number): number {
  const sorted = [...durations].sort((a, b) => a - b);
  return sorted[Math.ceil(level * sorted.length) - 1] ?? Number.NaN;
}

describe('Kaplan–Meier on generated censored history', () => {
  it('censors about a quarter of the records, so that the censoring matters', () => {
    const { records } = sample(1);
    const censoredShare = records.filter((record) => !record.fulfilled).length / records.length;

    expect(censoredShare).toBeGreaterThan(0.15);
    expect(censoredShare).toBeLessThan(0.35);
  });

  it('puts the true share fulfilled within each estimated quantile within 0.04 of its level, at n = 2000', () => {
    for (const seed of seeds) {
      const curve = kaplanMeier(sample(seed).records);
      for (const level of levels) {
        const estimate = durationQuantile(curve, level);
        if (!estimate.reached)
          throw new Error(`seed ${seed}: the ${level} quantile was not reached`);
        expect(
          Math.abs(trueCdf(estimate.minutes) - level),
          `seed ${seed}, level ${level}`,
        ).toBeLessThan(0.04);
      }
    }
  });

  it('estimates F at each true quantile within 0.04 of its level, at n = 2000', () => {
    for (const seed of seeds) {
      const curve = kaplanMeier(sample(seed).records);
      for (const level of levels) {
        const estimatedF = 1 - survivalAt(curve, trueQuantile(level));
        expect(Math.abs(estimatedF - level), `seed ${seed}, level ${level}`).toBeLessThan(0.04);
      }
    }
  });

  it('recovers an exponential duration under uniform censoring too', () => {
    // Mean 1,000 min: the true p-quantile is −1000 · ln(1 − p).
    for (const seed of seeds) {
      const { records } = censoredSample({
        n: 2000,
        seed,
        drawDuration: (random) => exponentialDraw(random, 1000),
        drawCensoring: (random) => random() * 6000,
      });
      const curve = kaplanMeier(records);
      const estimatedF = 1 - survivalAt(curve, -1000 * Math.log(0.2));
      expect(Math.abs(estimatedF - 0.8), `seed ${seed}`).toBeLessThan(0.04);
    }
  });

  it('would understate durations if the censored records were ignored, where Kaplan–Meier does not', () => {
    for (const seed of seeds) {
      const { records } = sample(seed);
      const fulfilledOnly = records.filter((r) => r.fulfilled).map((r) => r.durationMinutes);
      const naive80 = naiveQuantile(fulfilledOnly, 0.8);
      const km80 = durationQuantile(kaplanMeier(records), 0.8);
      if (!km80.reached) throw new Error(`seed ${seed}: the 80% quantile was not reached`);

      // Ignoring them: "80% within" a duration by which only about 73% are really done (the
      // long ones are the ones still open), outside the tolerance Kaplan–Meier meets.
      expect(trueCdf(naive80), `seed ${seed}`).toBeLessThan(0.76);
      expect(naive80, `seed ${seed}`).toBeLessThan(km80.minutes);
      expect(Math.abs(trueCdf(km80.minutes) - 0.8), `seed ${seed}`).toBeLessThan(0.04);
    }
  });

  it('would understate durations if the censored records were counted as fulfilled when last seen', () => {
    const { records } = sample(1);
    const asIfFulfilled = records.map((record) => record.durationMinutes);

    // The open ones are cut short at the time they were last seen: about 70% really done.
    expect(trueCdf(naiveQuantile(asIfFulfilled, 0.8))).toBeLessThan(0.75);
  });
});
