import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from './business-calendar.ts';
import { addBusinessDuration, businessDurationSchema } from './business-duration.ts';
import { businessMinutesBetween, isWorkingTime } from './business-time.ts';
import {
  berlinNineToFive,
  berlinWithLunch,
  newYorkNineToFive,
  withHolidays,
} from './calendar-fixtures.ts';

const days = (amount: number) => ({ amount, unit: 'business_days' as const });

// Europe/Berlin is UTC+2 in summer. Monday 1 June 2026 10:00 local is 08:00 UTC.
const MONDAY_1_JUNE_10 = '2026-06-01T08:00:00.000Z';

describe('N business days', () => {
  it('is the same local time of day N working days later: Monday 10:00 + 10 is Monday 10:00 two weeks on', () => {
    expect(addBusinessDuration(berlinNineToFive, MONDAY_1_JUNE_10, days(10))).toBe(
      '2026-06-15T08:00:00.000Z',
    );
  });

  it('ends a day later when a holiday falls in the middle', () => {
    const calendar = withHolidays(berlinNineToFive, [{ date: '2026-06-10', name: 'Company day' }]);

    expect(addBusinessDuration(calendar, MONDAY_1_JUNE_10, days(10))).toBe(
      '2026-06-16T08:00:00.000Z',
    );
  });

  it('is not moved by a holiday that falls on a weekend', () => {
    const calendar = withHolidays(berlinNineToFive, [
      { date: '2026-06-06', name: 'On a Saturday' },
    ]);

    expect(addBusinessDuration(calendar, MONDAY_1_JUNE_10, days(10))).toBe(
      '2026-06-15T08:00:00.000Z',
    );
  });

  it('counts from the next working moment when started outside working hours', () => {
    // Saturday 6 June 10:00 and Friday 5 June 18:00 both start at Monday 8 June 09:00.
    expect(addBusinessDuration(berlinNineToFive, '2026-06-06T08:00:00.000Z', days(1))).toBe(
      '2026-06-09T07:00:00.000Z',
    );
    expect(addBusinessDuration(berlinNineToFive, '2026-06-05T16:00:00.000Z', days(1))).toBe(
      '2026-06-09T07:00:00.000Z',
    );
  });

  it('counts from the end of the lunch break when started during it', () => {
    // Monday 8 June 12:45 starts at 13:30, so one day later is Tuesday 13:30.
    expect(addBusinessDuration(berlinWithLunch, '2026-06-08T10:45:00.000Z', days(1))).toBe(
      '2026-06-09T11:30:00.000Z',
    );
  });

  it('ends at the closing time when the last day closes before that time of day', () => {
    const shortFriday = businessCalendarSchema.parse({
      timeZone: 'Europe/Berlin',
      weeklyHours: {
        ...berlinNineToFive.weeklyHours,
        friday: [{ start: '09:00', end: '13:00' }],
      },
    });

    // Thursday 11 June 15:00 + 1 = Friday 15:00, after Friday's 13:00 closing.
    expect(addBusinessDuration(shortFriday, '2026-06-11T13:00:00.000Z', days(1))).toBe(
      '2026-06-12T11:00:00.000Z',
    );
  });

  it('ends at the start of the lunch break when that time of day falls in it', () => {
    const lunchOnTuesday = businessCalendarSchema.parse({
      timeZone: 'Europe/Berlin',
      weeklyHours: {
        monday: [{ start: '09:00', end: '17:00' }],
        tuesday: [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '17:00' },
        ],
      },
    });

    // Monday 8 June 12:30 + 1 = Tuesday 12:30, in the break: Tuesday 12:00.
    expect(addBusinessDuration(lunchOnTuesday, '2026-06-08T10:30:00.000Z', days(1))).toBe(
      '2026-06-09T10:00:00.000Z',
    );
  });

  it('ends at the opening when the last day opens after that time of day', () => {
    const earlyMonday = businessCalendarSchema.parse({
      timeZone: 'Europe/Berlin',
      weeklyHours: {
        monday: [{ start: '07:00', end: '15:00' }],
        tuesday: [{ start: '09:00', end: '17:00' }],
      },
    });

    // Monday 8 June 07:30 + 1 = Tuesday 07:30, before Tuesday's 09:00 opening.
    expect(addBusinessDuration(earlyMonday, '2026-06-08T05:30:00.000Z', days(1))).toBe(
      '2026-06-09T07:00:00.000Z',
    );
  });

  it('is the next working moment for 0 days', () => {
    expect(addBusinessDuration(berlinNineToFive, '2026-06-06T08:00:00.000Z', days(0))).toBe(
      '2026-06-08T07:00:00.000Z',
    );
    expect(addBusinessDuration(berlinNineToFive, MONDAY_1_JUNE_10, days(0))).toBe(MONDAY_1_JUNE_10);
  });

  it('keeps the local time of day across the spring-forward weekend in Berlin', () => {
    // Friday 27 March 10:00 CET (09:00 UTC) + 1 = Monday 30 March 10:00 CEST (08:00 UTC).
    expect(addBusinessDuration(berlinNineToFive, '2026-03-27T09:00:00.000Z', days(1))).toBe(
      '2026-03-30T08:00:00.000Z',
    );
  });

  it('keeps the local time of day across the fall-back weekend in Berlin', () => {
    // Friday 23 October 16:30 CEST (14:30 UTC) + 5 = Friday 30 October 16:30 CET (15:30 UTC).
    expect(addBusinessDuration(berlinNineToFive, '2026-10-23T14:30:00.000Z', days(5))).toBe(
      '2026-10-30T15:30:00.000Z',
    );
  });

  it('keeps the local time of day across both DST weekends in New York', () => {
    // Friday 6 March 15:00 EST (20:00 UTC) + 5 = Friday 13 March 15:00 EDT (19:00 UTC).
    expect(addBusinessDuration(newYorkNineToFive, '2026-03-06T20:00:00.000Z', days(5))).toBe(
      '2026-03-13T19:00:00.000Z',
    );
    // Friday 30 October 10:00 EDT (14:00 UTC) + 1 = Monday 2 November 10:00 EST (15:00 UTC).
    expect(addBusinessDuration(newYorkNineToFive, '2026-10-30T14:00:00.000Z', days(1))).toBe(
      '2026-11-02T15:00:00.000Z',
    );
  });

  it('is exactly N working days of business time when every working day has the same hours', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(berlinNineToFive, newYorkNineToFive, berlinWithLunch),
        fc.array(
          fc
            .date({
              min: new Date('2026-01-01T00:00:00Z'),
              max: new Date('2027-06-30T00:00:00Z'),
              noInvalidDate: true,
            })
            .map((date) => ({ date: date.toISOString().slice(0, 10), name: 'Holiday' })),
          { maxLength: 20 },
        ),
        fc.integer({
          min: Date.parse('2026-01-01T00:00:00Z'),
          max: Date.parse('2027-01-01T00:00:00Z'),
        }),
        fc.integer({ min: 0, max: 30 }),
        (plain, holidays, startMs, amount) => {
          const calendar = withHolidays(plain, holidays);
          const start = new Date(startMs).toISOString();
          fc.pre(isWorkingTime(calendar, start));
          const minutesPerDay = businessMinutesBetween(
            plain,
            '2026-06-15T00:00:00.000Z',
            '2026-06-16T00:00:00.000Z',
          );
          const end = addBusinessDuration(calendar, start, days(amount));

          expect(businessMinutesBetween(calendar, start, end)).toBe(amount * minutesPerDay);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('business hours and minutes', () => {
  it('count working time: Friday 16:00 + 4 business hours is Monday 12:00', () => {
    expect(
      addBusinessDuration(berlinNineToFive, '2026-06-12T14:00:00.000Z', {
        amount: 4,
        unit: 'business_hours',
      }),
    ).toBe('2026-06-15T10:00:00.000Z');
    expect(
      addBusinessDuration(berlinNineToFive, '2026-06-12T14:00:00.000Z', {
        amount: 90,
        unit: 'business_minutes',
      }),
    ).toBe('2026-06-15T07:30:00.000Z');
  });

  it('may be fractional: 1.5 business hours is 90 minutes', () => {
    expect(
      addBusinessDuration(berlinNineToFive, MONDAY_1_JUNE_10, {
        amount: 1.5,
        unit: 'business_hours',
      }),
    ).toBe('2026-06-01T09:30:00.000Z');
  });
});

describe('a business duration', () => {
  it('must not be negative', () => {
    expect(() =>
      addBusinessDuration(berlinNineToFive, MONDAY_1_JUNE_10, {
        amount: -1,
        unit: 'business_hours',
      }),
    ).toThrow(expect.objectContaining({ code: 'invalid_business_duration', field: 'amount' }));
  });

  it('counts business days in whole days', () => {
    expect(businessDurationSchema.safeParse(days(2.5)).error?.issues).toEqual([
      expect.objectContaining({
        path: ['amount'],
        message: 'must be a whole number of business days',
      }),
    ]);
    expect(() => addBusinessDuration(berlinNineToFive, MONDAY_1_JUNE_10, days(2.5))).toThrow(
      'must be a whole number of business days',
    );
  });
});
