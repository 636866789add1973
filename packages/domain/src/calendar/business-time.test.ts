import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './business-calendar.ts';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isWorkingTime,
  nextWorkingMoment,
} from './business-time.ts';
import {
  berlinNineToFive,
  berlinWithLunch,
  everyDay,
  newYorkNineToFive,
  withHolidays,
} from './calendar-fixtures.ts';

// Europe/Berlin is UTC+2 in summer: Friday 12 June 2026 16:00 local is 14:00 UTC.
const FRIDAY_16 = '2026-06-12T14:00:00.000Z';
const FRIDAY_17 = '2026-06-12T15:00:00.000Z';
const SATURDAY_10 = '2026-06-13T08:00:00.000Z';
const MONDAY_07 = '2026-06-15T05:00:00.000Z';
const MONDAY_09 = '2026-06-15T07:00:00.000Z';
const MONDAY_10 = '2026-06-15T08:00:00.000Z';
const MONDAY_12 = '2026-06-15T10:00:00.000Z';
const MONDAY_1245 = '2026-06-15T10:45:00.000Z';
const MONDAY_1330 = '2026-06-15T11:30:00.000Z';
const MONDAY_14 = '2026-06-15T12:00:00.000Z';
const MONDAY_17 = '2026-06-15T15:00:00.000Z';

const whitMonday = withHolidays(berlinNineToFive, [{ date: '2026-06-15', name: 'Test holiday' }]);

describe('isWorkingTime', () => {
  it('is true from the opening up to, not including, the closing', () => {
    expect(isWorkingTime(berlinNineToFive, MONDAY_09)).toBe(true);
    expect(isWorkingTime(berlinNineToFive, '2026-06-15T14:59:59.999Z')).toBe(true);
    expect(isWorkingTime(berlinNineToFive, MONDAY_17)).toBe(false);
    expect(isWorkingTime(berlinNineToFive, '2026-06-15T06:59:59.999Z')).toBe(false);
  });

  it('is false at the weekend, in the lunch break and on a holiday', () => {
    expect(isWorkingTime(berlinNineToFive, SATURDAY_10)).toBe(false);
    expect(isWorkingTime(berlinWithLunch, MONDAY_1245)).toBe(false);
    expect(isWorkingTime(berlinWithLunch, MONDAY_1330)).toBe(true);
    expect(isWorkingTime(whitMonday, MONDAY_10)).toBe(false);
  });

  it('judges the hours in the calendar’s own zone', () => {
    // 16:00 UTC on Monday 15 June 2026 is 12:00 in New York but 18:00 in Berlin.
    expect(isWorkingTime(newYorkNineToFive, '2026-06-15T16:00:00.000Z')).toBe(true);
    expect(isWorkingTime(berlinNineToFive, '2026-06-15T16:00:00.000Z')).toBe(false);
  });
});

describe('nextWorkingMoment', () => {
  it('is the moment itself during working time', () => {
    expect(nextWorkingMoment(berlinNineToFive, MONDAY_10)).toBe(MONDAY_10);
  });

  it('is the next opening: after closing on Friday it is Monday 09:00', () => {
    expect(nextWorkingMoment(berlinNineToFive, FRIDAY_17)).toBe(MONDAY_09);
    expect(nextWorkingMoment(berlinNineToFive, SATURDAY_10)).toBe(MONDAY_09);
    expect(nextWorkingMoment(berlinNineToFive, MONDAY_07)).toBe(MONDAY_09);
  });

  it('is the end of the lunch break during lunch', () => {
    expect(nextWorkingMoment(berlinWithLunch, MONDAY_1245)).toBe(MONDAY_1330);
  });

  it('skips a holiday', () => {
    expect(nextWorkingMoment(whitMonday, SATURDAY_10)).toBe('2026-06-16T07:00:00.000Z');
  });
});

describe('businessMinutesBetween', () => {
  it('counts the working minutes within one day', () => {
    expect(businessMinutesBetween(berlinNineToFive, MONDAY_10, MONDAY_12)).toBe(120);
  });

  it('leaves out the lunch break', () => {
    expect(businessMinutesBetween(berlinWithLunch, MONDAY_12, MONDAY_14)).toBe(60);
  });

  it('leaves out the evening and the weekend: Friday 16:00 to Monday 10:00 is 2 hours', () => {
    expect(businessMinutesBetween(berlinNineToFive, FRIDAY_16, MONDAY_10)).toBe(120);
  });

  it('is negative when the end is before the start', () => {
    expect(businessMinutesBetween(berlinNineToFive, MONDAY_10, FRIDAY_16)).toBe(-120);
  });

  it('is zero between two moments outside working time with none between them', () => {
    expect(businessMinutesBetween(berlinNineToFive, FRIDAY_17, MONDAY_07)).toBe(0);
  });

  it('is 40 hours over a week of 09:00–17:00 and 37.5 with an hour’s lunch', () => {
    const mondayMidnight = '2026-06-14T22:00:00.000Z';
    const nextMondayMidnight = '2026-06-21T22:00:00.000Z';

    expect(businessMinutesBetween(berlinNineToFive, mondayMidnight, nextMondayMidnight)).toBe(2400);
    expect(businessMinutesBetween(berlinWithLunch, mondayMidnight, nextMondayMidnight)).toBe(2250);
  });

  it('leaves out a holiday', () => {
    expect(businessMinutesBetween(whitMonday, FRIDAY_16, '2026-06-16T08:00:00.000Z')).toBe(120);
  });

  it('is exact to the millisecond', () => {
    expect(
      businessMinutesBetween(
        berlinNineToFive,
        '2026-06-15T08:00:30.000Z',
        '2026-06-15T08:01:00.000Z',
      ),
    ).toBe(0.5);
  });

  it('counts 18 months of weekdays: 78 weeks × 5 days × 480 minutes', () => {
    // 1 January 2026 and 1 July 2027 are both Thursdays, 546 days apart.
    expect(
      businessMinutesBetween(
        berlinNineToFive,
        '2025-12-31T23:00:00.000Z',
        '2027-06-30T22:00:00.000Z',
      ),
    ).toBe(78 * 5 * 480);
  });

  it('counts the lost and the extra hour of a DST weekend in Berlin', () => {
    const nightShift = everyDay('Europe/Berlin', [{ start: '02:00', end: '10:00' }]);
    // Saturday 00:00 to Monday 00:00, local time.
    expect(
      businessMinutesBetween(nightShift, '2026-03-27T23:00:00.000Z', '2026-03-29T22:00:00.000Z'),
    ).toBe((8 + 7) * 60);
    expect(
      businessMinutesBetween(nightShift, '2026-10-23T22:00:00.000Z', '2026-10-25T23:00:00.000Z'),
    ).toBe((8 + 9) * 60);
  });

  it('counts the lost and the extra hour of a DST weekend in New York', () => {
    const nightShift = everyDay('America/New_York', [{ start: '01:00', end: '09:00' }]);
    expect(
      businessMinutesBetween(nightShift, '2026-03-07T05:00:00.000Z', '2026-03-09T04:00:00.000Z'),
    ).toBe((8 + 7) * 60);
    expect(
      businessMinutesBetween(nightShift, '2026-10-31T04:00:00.000Z', '2026-11-02T05:00:00.000Z'),
    ).toBe((8 + 9) * 60);
  });
});

describe('addBusinessMinutes', () => {
  it('carries over the weekend: Friday 16:00 + 4 business hours is Monday 12:00', () => {
    expect(addBusinessMinutes(berlinNineToFive, FRIDAY_16, 240)).toBe(MONDAY_12);
  });

  it('ends at the closing when the last minute is worked there: Friday 16:00 + 60 is Friday 17:00', () => {
    expect(addBusinessMinutes(berlinNineToFive, FRIDAY_16, 60)).toBe(FRIDAY_17);
    expect(addBusinessMinutes(berlinNineToFive, FRIDAY_16, 61)).toBe('2026-06-15T07:01:00.000Z');
  });

  it('starts counting at the next working moment when started outside working time', () => {
    expect(addBusinessMinutes(berlinNineToFive, SATURDAY_10, 30)).toBe('2026-06-15T07:30:00.000Z');
    expect(addBusinessMinutes(berlinNineToFive, MONDAY_07, 30)).toBe('2026-06-15T07:30:00.000Z');
    expect(addBusinessMinutes(berlinWithLunch, MONDAY_1245, 15)).toBe('2026-06-15T11:45:00.000Z');
  });

  it('skips the lunch break: Monday 12:00 + 60 is 14:00', () => {
    expect(addBusinessMinutes(berlinWithLunch, MONDAY_12, 60)).toBe(MONDAY_14);
  });

  it('skips a holiday: Friday 16:00 + 4 business hours is Tuesday 12:00 when Monday is off', () => {
    expect(addBusinessMinutes(whitMonday, FRIDAY_16, 240)).toBe('2026-06-16T10:00:00.000Z');
  });

  it('gives the start itself for 0, even outside working time', () => {
    expect(addBusinessMinutes(berlinNineToFive, SATURDAY_10, 0)).toBe(SATURDAY_10);
  });

  it('counts backwards for negative minutes, to the latest such moment', () => {
    expect(addBusinessMinutes(berlinNineToFive, MONDAY_10, -120)).toBe(FRIDAY_16);
    expect(addBusinessMinutes(berlinNineToFive, MONDAY_10, -60)).toBe(MONDAY_09);
    expect(addBusinessMinutes(berlinNineToFive, SATURDAY_10, -60)).toBe(FRIDAY_16);
    expect(addBusinessMinutes(berlinWithLunch, MONDAY_14, -60)).toBe(MONDAY_12);
  });

  it('keeps the local opening across the spring-forward weekend in Berlin', () => {
    // Friday 27 March 16:00 CET (15:00 UTC) + 2 hours = Monday 30 March 10:00 CEST (08:00 UTC).
    expect(addBusinessMinutes(berlinNineToFive, '2026-03-27T15:00:00.000Z', 120)).toBe(
      '2026-03-30T08:00:00.000Z',
    );
  });

  it('keeps the local opening across the fall-back weekend in New York', () => {
    // Friday 30 October 16:00 EDT (20:00 UTC) + 2 hours = Monday 2 November 10:00 EST (15:00 UTC).
    expect(addBusinessMinutes(newYorkNineToFive, '2026-10-30T20:00:00.000Z', 120)).toBe(
      '2026-11-02T15:00:00.000Z',
    );
  });

  it('walks 18 months of working time to the closing of the last working day', () => {
    expect(addBusinessMinutes(berlinNineToFive, '2025-12-31T23:00:00.000Z', 78 * 5 * 480)).toBe(
      '2027-06-30T15:00:00.000Z',
    );
  });

  it('refuses a number of minutes that is not finite', () => {
    expect(() => addBusinessMinutes(berlinNineToFive, MONDAY_10, Number.POSITIVE_INFINITY)).toThrow(
      expect.objectContaining({ code: 'invalid_business_minutes', field: 'minutes' }),
    );
  });

  it('refuses a calendar without working hours instead of searching forever', () => {
    const closed: BusinessCalendar = {
      ...berlinNineToFive,
      weeklyHours: {
        ...berlinNineToFive.weeklyHours,
        monday: [],
        tuesday: [],
        wednesday: [],
        thursday: [],
        friday: [],
      },
    };

    expect(() => addBusinessMinutes(closed, MONDAY_10, 60)).toThrow(
      expect.objectContaining({ code: 'no_working_hours', kind: 'invalid' }),
    );
  });
});
