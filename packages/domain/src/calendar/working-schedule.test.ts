import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from './business-calendar.ts';
import {
  berlinNineToFive,
  berlinWithLunch,
  everyDay,
  newYorkNineToFive,
  totalHours,
  withHolidays,
} from './calendar-fixtures.ts';
import { workingIntervalsOn } from './working-schedule.ts';

describe('workingIntervalsOn', () => {
  it('is the weekday’s hours as instants in the calendar’s zone', () => {
    expect(workingIntervalsOn(berlinNineToFive, '2026-06-15')).toEqual([
      { start: '2026-06-15T07:00:00.000Z', end: '2026-06-15T15:00:00.000Z' },
    ]);
    expect(workingIntervalsOn(newYorkNineToFive, '2026-01-15')).toEqual([
      { start: '2026-01-15T14:00:00.000Z', end: '2026-01-15T22:00:00.000Z' },
    ]);
  });

  it('leaves the lunch break out', () => {
    expect(workingIntervalsOn(berlinWithLunch, '2026-06-15')).toEqual([
      { start: '2026-06-15T07:00:00.000Z', end: '2026-06-15T10:30:00.000Z' },
      { start: '2026-06-15T11:30:00.000Z', end: '2026-06-15T15:30:00.000Z' },
    ]);
  });

  it('is empty on a weekend and on a holiday', () => {
    const calendar = withHolidays(berlinNineToFive, [{ date: '2026-05-01', name: 'Labour Day' }]);

    expect(workingIntervalsOn(calendar, '2026-05-02')).toEqual([]);
    expect(workingIntervalsOn(calendar, '2026-05-01')).toEqual([]);
    expect(workingIntervalsOn(calendar, '2026-05-04')).toHaveLength(1);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => workingIntervalsOn(berlinNineToFive, '15.06.2026')).toThrow(
      expect.objectContaining({ code: 'invalid_date', field: 'date' }),
    );
  });
});

describe('working hours across the DST changes in Europe/Berlin', () => {
  const nightShift = everyDay('Europe/Berlin', [{ start: '02:00', end: '10:00' }]);

  it('an 02:00–10:00 day has 8 working hours on an ordinary Sunday', () => {
    expect(totalHours(workingIntervalsOn(nightShift, '2026-03-22'))).toBe(8);
  });

  it('an 02:00–10:00 day has 7 working hours on 29 March 2026, when the clocks skip 02:00–03:00', () => {
    const intervals = workingIntervalsOn(nightShift, '2026-03-29');

    expect(intervals).toEqual([
      { start: '2026-03-29T01:00:00.000Z', end: '2026-03-29T08:00:00.000Z' },
    ]);
    expect(totalHours(intervals)).toBe(7);
  });

  it('an 02:00–10:00 day has 9 working hours on 25 October 2026, when 02:00–03:00 happens twice', () => {
    const intervals = workingIntervalsOn(nightShift, '2026-10-25');

    expect(intervals).toEqual([
      { start: '2026-10-25T00:00:00.000Z', end: '2026-10-25T09:00:00.000Z' },
    ]);
    expect(totalHours(intervals)).toBe(9);
  });

  it('a 09:00–17:00 day stays 8 hours on both change days, an hour apart in UTC', () => {
    const office = everyDay('Europe/Berlin', [{ start: '09:00', end: '17:00' }]);

    expect(workingIntervalsOn(office, '2026-03-29')).toEqual([
      { start: '2026-03-29T07:00:00.000Z', end: '2026-03-29T15:00:00.000Z' },
    ]);
    expect(workingIntervalsOn(office, '2026-10-25')).toEqual([
      { start: '2026-10-25T08:00:00.000Z', end: '2026-10-25T16:00:00.000Z' },
    ]);
  });

  it('a break inside the skipped hour never makes two intervals overlap', () => {
    // 02:30 does not exist and is read as 03:30 CEST, after the 03:00 start of the next interval.
    const calendar = everyDay('Europe/Berlin', [
      { start: '01:00', end: '02:30' },
      { start: '03:00', end: '05:00' },
    ]);

    expect(workingIntervalsOn(calendar, '2026-03-29')).toEqual([
      { start: '2026-03-29T00:00:00.000Z', end: '2026-03-29T01:30:00.000Z' },
      { start: '2026-03-29T01:30:00.000Z', end: '2026-03-29T03:00:00.000Z' },
    ]);
  });
});

describe('working hours across the DST changes in America/New_York', () => {
  const nightShift = everyDay('America/New_York', [{ start: '01:00', end: '09:00' }]);

  it('an 01:00–09:00 day has 7 working hours on 8 March 2026, when the clocks skip 02:00–03:00', () => {
    const intervals = workingIntervalsOn(nightShift, '2026-03-08');

    expect(intervals).toEqual([
      { start: '2026-03-08T06:00:00.000Z', end: '2026-03-08T13:00:00.000Z' },
    ]);
    expect(totalHours(intervals)).toBe(7);
  });

  it('an 01:00–09:00 day has 9 working hours on 1 November 2026, when 01:00–02:00 happens twice', () => {
    const intervals = workingIntervalsOn(nightShift, '2026-11-01');

    expect(intervals).toEqual([
      { start: '2026-11-01T05:00:00.000Z', end: '2026-11-01T14:00:00.000Z' },
    ]);
    expect(totalHours(intervals)).toBe(9);
  });

  it('a round-the-clock desk works 23 hours on the spring day and 25 on the autumn day', () => {
    const desk = businessCalendarSchema.parse({
      timeZone: 'America/New_York',
      weeklyHours: { sunday: [{ start: '00:00', end: '24:00' }] },
    });

    expect(totalHours(workingIntervalsOn(desk, '2026-03-08'))).toBe(23);
    expect(totalHours(workingIntervalsOn(desk, '2026-11-01'))).toBe(25);
    expect(totalHours(workingIntervalsOn(desk, '2026-11-08'))).toBe(24);
  });
});
