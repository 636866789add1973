import { describe, expect, it } from 'vitest';
import { domainErrorFrom } from '../__tests__/promise-builders.ts';
import { kaplanMeier } from './kaplan-meier.ts';
import {
  chanceOfKeeping,
  chanceOfKeepingGiven,
  durationQuantile,
  durationQuantileGiven,
} from './survival-queries.ts';

const fulfilled = (durationMinutes: number) => ({ durationMinutes, fulfilled: true });
const open = (durationMinutes: number) => ({ durationMinutes, fulfilled: false });

/** Ten promises fulfilled after 1, 2, …, 10 hours. */
const tenHours = kaplanMeier(Array.from({ length: 10 }, (_, i) => fulfilled((i + 1) * 60)));

describe('chanceOfKeeping', () => {
  it('is the share fulfilled within the proposed duration, 1 − S(t)', () => {
    expect(chanceOfKeeping(tenHours, 30)).toBe(0);
    expect(chanceOfKeeping(tenHours, 180)).toBeCloseTo(0.3, 12);
    expect(chanceOfKeeping(tenHours, 600)).toBe(1);
  });

  it('refuses a negative proposal', () => {
    expect(domainErrorFrom(() => chanceOfKeeping(tenHours, -5)).field).toBe('proposedMinutes');
  });
});

describe('durationQuantile', () => {
  it('is the first duration by which the share is reached, even when rounding leaves F a hair below it', () => {
    // F(8 h) = 1 − (9/10)(8/9)…(3/4) is 0.8 only up to rounding; it must still count.
    expect(durationQuantile(tenHours, 0.8)).toEqual({ level: 0.8, reached: true, minutes: 480 });
    expect(durationQuantile(tenHours, 0.5)).toEqual({ level: 0.5, reached: true, minutes: 300 });
    expect(durationQuantile(tenHours, 0.95)).toEqual({ level: 0.95, reached: true, minutes: 600 });
  });

  it('says "more than the longest on record" when the curve never drops that low', () => {
    // Half fulfilled by 60, the rest still open at 600: S never goes below 0.5.
    const curve = kaplanMeier([fulfilled(60), open(600)]);

    expect(durationQuantile(curve, 0.5)).toEqual({ level: 0.5, reached: true, minutes: 60 });
    expect(durationQuantile(curve, 0.8)).toEqual({
      level: 0.8,
      reached: false,
      moreThanMinutes: 600,
    });
  });

  it('refuses a level outside (0, 1)', () => {
    expect(domainErrorFrom(() => durationQuantile(tenHours, 1)).code).toBe('invalid_level');
    expect(domainErrorFrom(() => durationQuantile(tenHours, 0)).code).toBe('invalid_level');
  });
});

describe('chanceOfKeepingGiven', () => {
  it('is 1 − S(t)/S(elapsed) for a promise still open after the elapsed time', () => {
    // Still open after 4 h: 6 of 10 remain; 3 of them are done by 7 h.
    expect(chanceOfKeepingGiven(tenHours, 240, 420)).toBeCloseTo(0.5, 12);
  });

  it('is 0 when the time is already up', () => {
    expect(chanceOfKeepingGiven(tenHours, 300, 300)).toBe(0);
    expect(chanceOfKeepingGiven(tenHours, 300, 120)).toBe(0);
  });

  it('cannot say (null) once every promise on record was fulfilled sooner', () => {
    expect(chanceOfKeepingGiven(tenHours, 601, 900)).toBeNull();
  });
});

describe('durationQuantileGiven', () => {
  it('is the smallest t with P(T ≤ t | T > elapsed) ≥ level', () => {
    // Open after 4 h: 6 remain (5..10 h); 80% of them, 4.8 → 5, are done by 9 h.
    expect(durationQuantileGiven(tenHours, 240, 0.8)).toEqual({
      level: 0.8,
      reached: true,
      minutes: 540,
    });
  });

  it('equals the plain quantile before anything has elapsed', () => {
    expect(durationQuantileGiven(tenHours, 0, 0.8)).toEqual(durationQuantile(tenHours, 0.8));
  });

  it('says "more than" when the remaining record never gets that far', () => {
    const curve = kaplanMeier([fulfilled(60), fulfilled(120), open(500), open(900)]);

    expect(durationQuantileGiven(curve, 200, 0.8)).toEqual({
      level: 0.8,
      reached: false,
      moreThanMinutes: 900,
    });
  });

  it('cannot say (null) beyond the record', () => {
    expect(durationQuantileGiven(tenHours, 700, 0.8)).toBeNull();
  });
});
