import { z } from 'zod';
import { DomainError } from '../shared/domain-error.ts';
import type { Instant } from '../shared/instant.ts';
import { type BusinessCalendar, wallClockMinutes, weekdays } from './business-calendar.ts';
import {
  addLocalDays,
  formatLocalDate,
  type LocalDate,
  localDateAt,
  parseLocalDate,
  weekdayOf,
} from './local-date.ts';
import { wallClockInstant } from './wall-clock.ts';

const localDateSchema = z.iso.date();

/** Working time as a half-open range of epoch milliseconds [start, end). */
export interface WorkingRange {
  readonly start: number;
  readonly end: number;
}

/** A business calendar made ready for walking day by day: holidays in a set, hours in minutes. */
export interface WorkingSchedule {
  readonly timeZone: string;
  /** The working time of one local date: sorted, never overlapping, empty on a day off. */
  rangesOn(date: LocalDate): readonly WorkingRange[];
  /**
   * The most days in a row that can pass without working time; walking further than this
   * without finding any means there is none (a guard against looping forever).
   */
  readonly longestDayOffRun: number;
}

// Analytics measure many spans in the same few calendars: each calendar's working days are worked
// out once. Calendars are values (never mutated once parsed), so a cache keyed by the object is safe.
const schedules = new WeakMap<BusinessCalendar, WorkingSchedule>();
// Enough for decades of days; a schedule that walks further starts over rather than grow forever.
const MAX_CACHED_DAYS = 40_000;

/** Prepares `calendar` for day-by-day walks; throws when the calendar has no working hours. */
export function workingSchedule(calendar: BusinessCalendar): WorkingSchedule {
  const cached = schedules.get(calendar);
  if (cached !== undefined) return cached;
  const schedule = buildSchedule(calendar);
  schedules.set(calendar, schedule);
  return schedule;
}

function buildSchedule(calendar: BusinessCalendar): WorkingSchedule {
  const holidays = new Set(calendar.holidays.map((holiday) => holiday.date));
  const minutesByWeekday = new Map(
    weekdays.map((weekday) => [
      weekday,
      calendar.weeklyHours[weekday].map((interval) => ({
        start: wallClockMinutes(interval.start),
        end: wallClockMinutes(interval.end),
      })),
    ]),
  );
  if (weekdays.every((weekday) => (minutesByWeekday.get(weekday) ?? []).length === 0)) {
    throw new DomainError({
      code: 'no_working_hours',
      kind: 'invalid',
      field: 'weeklyHours',
      message:
        'The business calendar has no working hours on any day, so business time never passes',
    });
  }
  const { timeZone } = calendar;
  const rangesByDate = new Map<number, readonly WorkingRange[]>();

  function workOutRangesOn(date: LocalDate): readonly WorkingRange[] {
    if (holidays.has(formatLocalDate(date))) return [];
    const ranges: WorkingRange[] = [];
    let earliestStart = Number.NEGATIVE_INFINITY;
    for (const interval of minutesByWeekday.get(weekdayOf(date)) ?? []) {
      // Both ends resolve by the same rule, so adjacent intervals stay adjacent; clamping to the
      // previous end keeps intervals whose ends fall in a spring-forward gap from overlapping.
      const start = Math.max(
        earliestStart,
        wallClockInstant(date, clockAt(interval.start), timeZone),
      );
      const end = wallClockInstant(date, clockAt(interval.end), timeZone);
      if (end <= start) continue;
      ranges.push({ start, end });
      earliestStart = end;
    }
    return ranges;
  }

  return {
    timeZone,
    // Each holiday (or a day a DST change empties) can at worst cost a whole week when only one
    // weekday is worked.
    longestDayOffRun: 7 * (holidays.size + 2),
    rangesOn(date) {
      const key = date.year * 10_000 + date.month * 100 + date.day;
      const known = rangesByDate.get(key);
      if (known !== undefined) return known;
      if (rangesByDate.size >= MAX_CACHED_DAYS) rangesByDate.clear();
      const ranges = workOutRangesOn(date);
      rangesByDate.set(key, ranges);
      return ranges;
    },
  };
}

function clockAt(minuteOfDay: number): { hours: number; minutes: number } {
  return { hours: Math.floor(minuteOfDay / 60), minutes: minuteOfDay % 60 };
}

/**
 * Each local date, with its working ranges, from the one containing `fromMs`, forwards or backwards,
 * without end. Throws rather than loop forever once more days in a row pass without working time
 * than the calendar allows.
 */
export function* workingDays(
  schedule: WorkingSchedule,
  fromMs: number,
  step: 1 | -1,
): Generator<{ date: LocalDate; ranges: readonly WorkingRange[] }, never> {
  let daysOff = 0;
  for (
    let date: LocalDate = localDateAt(fromMs, schedule.timeZone);
    ;
    date = addLocalDays(date, step)
  ) {
    const ranges = schedule.rangesOn(date);
    daysOff = ranges.length === 0 ? daysOff + 1 : 0;
    if (daysOff > schedule.longestDayOffRun) {
      throw new DomainError({
        code: 'no_working_hours',
        kind: 'invalid',
        field: 'weeklyHours',
        message: `The business calendar has no working time for ${daysOff} days in a row`,
      });
    }
    yield { date, ranges };
  }
}

/** The working time of one local day (`YYYY-MM-DD`) as instants: empty on weekends and holidays. */
export function workingIntervalsOn(
  calendar: BusinessCalendar,
  date: string,
): Array<{ start: Instant; end: Instant }> {
  if (!localDateSchema.safeParse(date).success) {
    throw new DomainError({
      code: 'invalid_date',
      kind: 'invalid',
      field: 'date',
      message: `${date} is not a calendar date (YYYY-MM-DD)`,
    });
  }
  return workingSchedule(calendar)
    .rangesOn(parseLocalDate(date))
    .map((range) => ({
      start: new Date(range.start).toISOString(),
      end: new Date(range.end).toISOString(),
    }));
}
