import { describe, expect, it } from 'vitest';
import {
  BUSINESS_DAY,
  CLOCK_START,
  tenDeliveries,
  wallClockAddBusinessMinutes,
} from '../__tests__/survival-builders.ts';
import { kaplanMeier } from '../calibration/kaplan-meier.ts';
import type { Instant } from '../shared/instant.ts';
import { realisticNewDate } from './realistic-new-date.ts';

const days = (n: number) => n * BUSINESS_DAY;
const base = {
  curve: tenDeliveries,
  clockStartedAt: CLOCK_START,
  level: 0.8,
  addBusinessMinutes: wallClockAddBusinessMinutes,
};

describe('realisticNewDate', () => {
  it('offers the duration by which 80% of comparable promises still open this far in were kept', () => {
    // Open after 4 days: 6 of 10 were; 5 of those 6 (≥ 80%) were done by day 9.
    const newDate = realisticNewDate({ ...base, elapsedMinutes: days(4) });

    expect(newDate).toEqual({
      kind: 'found',
      level: 0.8,
      minutesFromClockStart: days(9),
      at: wallClockAddBusinessMinutes(CLOCK_START, days(9)),
    });
  });

  it('is the plain 80% duration for a promise whose clock has only just started', () => {
    expect(realisticNewDate({ ...base, elapsedMinutes: 0 })).toMatchObject({
      minutesFromClockStart: days(8),
    });
  });

  it('moves later the longer the promise has been open', () => {
    const early = realisticNewDate({ ...base, elapsedMinutes: days(1) });
    const late = realisticNewDate({ ...base, elapsedMinutes: days(6) });

    expect(early).toMatchObject({ minutesFromClockStart: days(9) });
    expect(late).toMatchObject({ minutesFromClockStart: days(10) });
  });

  it('converts the duration with the business calendar it is given, from the clock start', () => {
    const calls: Array<[Instant, number]> = [];
    const addBusinessMinutes = (start: Instant, minutes: number) => {
      calls.push([start, minutes]);
      return '2026-03-13T16:00:00.000Z';
    };

    const newDate = realisticNewDate({ ...base, elapsedMinutes: days(4), addBusinessMinutes });

    expect(calls).toEqual([[CLOCK_START, days(9)]]);
    expect(newDate).toMatchObject({ at: '2026-03-13T16:00:00.000Z' });
  });

  it('says only "not before" when the record never gets that far', () => {
    const curve = kaplanMeier([
      ...[1, 2].map((d) => ({ durationMinutes: days(d), fulfilled: true })),
      ...[6, 7].map((d) => ({ durationMinutes: days(d), fulfilled: false })),
    ]);

    const newDate = realisticNewDate({ ...base, curve, elapsedMinutes: days(3) });

    expect(newDate).toEqual({
      kind: 'not_reached',
      level: 0.8,
      moreThanMinutes: days(7),
      notBefore: wallClockAddBusinessMinutes(CLOCK_START, days(7)),
    });
  });

  it('gives no date beyond the record', () => {
    expect(realisticNewDate({ ...base, elapsedMinutes: days(12) })).toEqual({
      kind: 'beyond_record',
      level: 0.8,
    });
  });
});
