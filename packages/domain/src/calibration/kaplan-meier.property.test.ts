import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kaplanMeier, survivalAt } from './kaplan-meier.ts';
import { chanceOfKeeping, chanceOfKeepingGiven, durationQuantile } from './survival-queries.ts';

// Small whole durations so that ties, and fulfilments tied with censorings, happen often.
const observationArb = fc.record({
  durationMinutes: fc.integer({ min: 0, max: 50 }),
  fulfilled: fc.boolean(),
});
const historyArb = fc.array(observationArb, { maxLength: 60 });
const minutesArb = fc.double({ min: 0, max: 60, noNaN: true });
const levelArb = fc.double({ min: 0.01, max: 0.99, noNaN: true });

describe('Kaplan–Meier properties', () => {
  it('gives a chance of keeping that never falls as the proposed duration grows, and stays within [0, 1]', () => {
    fc.assert(
      fc.property(historyArb, minutesArb, minutesArb, (history, a, b) => {
        const curve = kaplanMeier(history);
        const [shorter, longer] = a <= b ? [a, b] : [b, a];
        const atShorter = chanceOfKeeping(curve, shorter);
        const atLonger = chanceOfKeeping(curve, longer);

        expect(atShorter).toBeGreaterThanOrEqual(0);
        expect(atLonger).toBeLessThanOrEqual(1);
        expect(atLonger).toBeGreaterThanOrEqual(atShorter);
      }),
    );
  });

  it('reaches each quantile at its duration and not a moment before', () => {
    fc.assert(
      fc.property(historyArb, levelArb, (history, level) => {
        const curve = kaplanMeier(history);
        const quantile = durationQuantile(curve, level);
        if (!quantile.reached) {
          expect(chanceOfKeeping(curve, quantile.moreThanMinutes)).toBeLessThan(level + 1e-9);
          return;
        }
        expect(chanceOfKeeping(curve, quantile.minutes)).toBeGreaterThanOrEqual(level - 1e-9);
        if (quantile.minutes > 0) {
          expect(chanceOfKeeping(curve, quantile.minutes - 0.5)).toBeLessThan(level + 1e-9);
        }
      }),
    );
  });

  it('equals the plain share fulfilled when nothing is censored', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1 }),
        minutesArb,
        (durations, t) => {
          const curve = kaplanMeier(
            durations.map((durationMinutes) => ({ durationMinutes, fulfilled: true })),
          );
          const share = durations.filter((duration) => duration <= t).length / durations.length;

          expect(chanceOfKeeping(curve, t)).toBeCloseTo(share, 9);
        },
      ),
    );
  });

  it('accounts for every observation once, and never lets survival rise', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const curve = kaplanMeier(history);
        const survivals = curve.steps.map((step) => step.survival);

        expect(curve.events + curve.censored).toBe(history.length);
        survivals.forEach((survival, i) => {
          expect(survival).toBeLessThanOrEqual(survivals[i - 1] ?? 1);
        });
      }),
    );
  });

  it('gives a conditional chance within [0, 1] that never falls as the due moves out', () => {
    fc.assert(
      fc.property(historyArb, minutesArb, minutesArb, minutesArb, (history, elapsed, a, b) => {
        const curve = kaplanMeier(history);
        const [nearer, farther] = a <= b ? [a, b] : [b, a];
        const atNearer = chanceOfKeepingGiven(curve, elapsed, nearer);
        const atFarther = chanceOfKeepingGiven(curve, elapsed, farther);
        if (atNearer === null || atFarther === null) {
          expect(survivalAt(curve, elapsed)).toBe(0);
          return;
        }
        expect(atNearer).toBeGreaterThanOrEqual(0);
        expect(atFarther).toBeLessThanOrEqual(1);
        expect(atFarther).toBeGreaterThanOrEqual(atNearer);
      }),
    );
  });
});
