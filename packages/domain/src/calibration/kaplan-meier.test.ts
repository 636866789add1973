import { describe, expect, it } from 'vitest';
import { domainErrorFrom } from '../__tests__/promise-builders.ts';
import { kaplanMeier, survivalAt } from './kaplan-meier.ts';

const fulfilled = (durationMinutes: number) => ({ durationMinutes, fulfilled: true });
const open = (durationMinutes: number) => ({ durationMinutes, fulfilled: false });

describe('kaplanMeier', () => {
  it('equals the plain share still unfulfilled when nothing is censored', () => {
    const curve = kaplanMeier([40, 10, 30, 20].map(fulfilled));

    expect(curve.steps.map((step) => step.survival)).toEqual([0.75, 0.5, 0.25, 0]);
    expect(curve.steps.map((step) => step.atRisk)).toEqual([4, 3, 2, 1]);
    expect(curve).toMatchObject({ events: 4, censored: 0, longestObservedMinutes: 40 });
  });

  it('keeps a promise censored at a tied duration in the risk set of the fulfilments at that duration', () => {
    // At 10: one fulfilled and one seen open for exactly 10. Events first: 6 at risk, S = 5/6.
    // (Censoring first would give 5 at risk and S = 4/5.) At 20: 4 at risk, 2 fulfilled.
    const curve = kaplanMeier([
      fulfilled(10),
      open(10),
      fulfilled(20),
      fulfilled(20),
      open(30),
      fulfilled(40),
    ]);

    expect(curve.steps).toEqual([
      { atMinutes: 10, atRisk: 6, events: 1, censored: 1, survival: 5 / 6 },
      { atMinutes: 20, atRisk: 4, events: 2, censored: 0, survival: (5 / 6) * (2 / 4) },
      { atMinutes: 30, atRisk: 2, events: 0, censored: 1, survival: (5 / 6) * (2 / 4) },
      { atMinutes: 40, atRisk: 1, events: 1, censored: 0, survival: 0 },
    ]);
    expect(survivalAt(curve, 10)).toBeCloseTo(5 / 6, 12);
  });

  it('lets a censored promise lower the risk set without lowering survival', () => {
    // The promise seen open for 15 leaves the risk set without a fulfilment: S stays 2/3 through
    // 15, and at 30 the one promise still at risk is fulfilled, so S(30) = 2/3 · (1 − 1/1) = 0.
    const curve = kaplanMeier([fulfilled(10), open(15), fulfilled(30)]);

    expect(survivalAt(curve, 10)).toBeCloseTo(2 / 3, 12);
    expect(survivalAt(curve, 15)).toBeCloseTo(2 / 3, 12);
    expect(survivalAt(curve, 30)).toBe(0);
  });

  it('stays at 1 for a history where every promise is still open', () => {
    const curve = kaplanMeier([open(100), open(250), open(250)]);

    expect(curve.steps.every((step) => step.survival === 1)).toBe(true);
    expect(curve).toMatchObject({ events: 0, censored: 3, longestObservedMinutes: 250 });
    expect(survivalAt(curve, 10_000)).toBe(1);
  });

  it('gives an empty curve, survival 1 everywhere, for no history', () => {
    const curve = kaplanMeier([]);

    expect(curve).toEqual({ steps: [], events: 0, censored: 0, longestObservedMinutes: 0 });
    expect(survivalAt(curve, 0)).toBe(1);
  });

  it('holds S at 1 before the first fulfilment, flat between steps, and at its last value beyond the record', () => {
    const curve = kaplanMeier([fulfilled(10), fulfilled(20), open(30)]);

    expect(survivalAt(curve, 9.99)).toBe(1);
    expect(survivalAt(curve, 15)).toBeCloseTo(2 / 3, 12);
    expect(survivalAt(curve, 1_000)).toBeCloseTo(1 / 3, 12);
  });

  it('counts a promise fulfilled the moment its clock started', () => {
    const curve = kaplanMeier([fulfilled(0), fulfilled(60)]);

    expect(survivalAt(curve, 0)).toBe(0.5);
  });

  it('refuses a negative or non-finite duration, naming the observation', () => {
    const negative = domainErrorFrom(() => kaplanMeier([fulfilled(10), fulfilled(-1)]));
    const notANumber = domainErrorFrom(() => kaplanMeier([open(Number.NaN)]));

    expect(negative).toMatchObject({
      code: 'invalid_duration',
      kind: 'invalid',
      field: 'observations.1.durationMinutes',
    });
    expect(notANumber.field).toBe('observations.0.durationMinutes');
  });
});
