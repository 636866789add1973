import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, businessCalendarSchema, weekdays } from './business-calendar.ts';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isWorkingTime,
  nextWorkingMoment,
} from './business-time.ts';

const zones = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
];

function clock(quarterHours: number): string {
  const minutes = quarterHours * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A day's intervals on quarter hours: sorted distinct boundaries paired up, 00:00 to 24:00. */
const workingDay = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
  .map((boundaries) => {
    const sorted = [...boundaries].sort((a, b) => a - b);
    const intervals: Array<{ start: string; end: string }> = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      intervals.push({ start: clock(sorted[i] ?? 0), end: clock(sorted[i + 1] ?? 0) });
    }
    return intervals;
  });

const holiday = fc
  .date({
    min: new Date('2026-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => ({ date: date.toISOString().slice(0, 10), name: 'Holiday' }));

const calendar: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    days: fc.array(workingDay, { minLength: 7, maxLength: 7 }),
    holidays: fc.array(holiday, { maxLength: 12 }),
  })
  .filter(({ days }) => days.some((intervals) => intervals.length > 0))
  .map(({ timeZone, days, holidays }) =>
    businessCalendarSchema.parse({
      timeZone,
      weeklyHours: Object.fromEntries(
        weekdays.map((weekday, index) => [weekday, days[index] ?? []]),
      ),
      holidays,
    }),
  );

// Across 2026 and 2027, so that every run can meet DST changes and holidays.
const instant = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') })
  .map((epochMs) => new Date(epochMs).toISOString());

const minutes = fc.integer({ min: -3000, max: 3000 });

describe('business time, for any calendar, instant and number of minutes', () => {
  it('adding minutes and then measuring them gives the same minutes back', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, start, amount) => {
        const end = addBusinessMinutes(cal, start, amount);
        expect(businessMinutesBetween(cal, start, end)).toBe(amount);
      }),
      { numRuns: 300 },
    );
  });

  it('adding minutes ends at the earliest moment they have elapsed (latest, counting back)', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, start, amount) => {
        fc.pre(amount !== 0);
        const end = Date.parse(addBusinessMinutes(cal, start, amount));
        const aMillisecondCloser = new Date(amount > 0 ? end - 1 : end + 1).toISOString();
        expect(Math.abs(businessMinutesBetween(cal, start, aMillisecondCloser))).toBeLessThan(
          Math.abs(amount),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('measuring and then adding the measured minutes never goes past the end', () => {
    fc.assert(
      fc.property(calendar, instant, instant, (cal, from, to) => {
        const measured = businessMinutesBetween(cal, from, to);
        const reached = addBusinessMinutes(cal, from, measured);
        expect(businessMinutesBetween(cal, from, reached)).toBeCloseTo(measured, 9);
        if (from <= to) expect(reached <= to).toBe(true);
        else expect(reached >= to).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('measured spans add up, and never exceed the time that passed', () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, (cal, a, b, c) => {
        const ab = businessMinutesBetween(cal, a, b);
        expect(ab + businessMinutesBetween(cal, b, c)).toBeCloseTo(
          businessMinutesBetween(cal, a, c),
          6,
        );
        expect(Math.abs(ab)).toBeLessThanOrEqual(Math.abs(Date.parse(b) - Date.parse(a)) / 60_000);
      }),
      { numRuns: 100 },
    );
  });

  it('the next working moment is working time, not before the instant, with none in between', () => {
    fc.assert(
      fc.property(calendar, instant, (cal, at) => {
        const next = nextWorkingMoment(cal, at);
        expect(next >= at).toBe(true);
        expect(isWorkingTime(cal, next)).toBe(true);
        expect(businessMinutesBetween(cal, at, next)).toBe(0);
        expect(next === at).toBe(isWorkingTime(cal, at));
      }),
      { numRuns: 300 },
    );
  });
});
