import { DomainError } from '../shared/domain-error.ts';
import { type Instant, instantMs, toInstant } from '../shared/instant.ts';
import type { BusinessCalendar } from './business-calendar.ts';
import { addLocalDays, compareLocalDates, localDateAt } from './local-date.ts';
import { type WorkingSchedule, workingDays, workingSchedule } from './working-schedule.ts';

const MINUTE_MS = 60_000;

/** Whether people are at work at `at`: inside a working interval of a working day, not a holiday. */
export function isWorkingTime(calendar: BusinessCalendar, at: Instant): boolean {
  const schedule = workingSchedule(calendar);
  const atMs = instantMs(at);
  return schedule
    .rangesOn(localDateAt(atMs, schedule.timeZone))
    .some((range) => range.start <= atMs && atMs < range.end);
}

/** When business time next runs from `at`: `at` itself during working time, else the next opening. */
export function nextWorkingMoment(calendar: BusinessCalendar, at: Instant): Instant {
  const schedule = workingSchedule(calendar);
  const atMs = instantMs(at);
  for (const { ranges } of workingDays(schedule, atMs, 1)) {
    const range = ranges.find((candidate) => candidate.end > atMs);
    if (range !== undefined) return toInstant(new Date(Math.max(range.start, atMs)));
  }
  throw new Error('workingDays() never ends');
}

/**
 * The working minutes in [from, to): the sum, day by day, of each working interval's overlap
 * with the span. Negative when `to` is before `from` (−businessMinutesBetween(to, from)).
 * Exact to the millisecond, so it can be fractional.
 */
export function businessMinutesBetween(
  calendar: BusinessCalendar,
  from: Instant,
  to: Instant,
): number {
  const fromMs = instantMs(from);
  const toMs = instantMs(to);
  if (toMs < fromMs) return -businessMinutesBetween(calendar, to, from);
  const schedule = workingSchedule(calendar);
  const lastDate = localDateAt(toMs, schedule.timeZone);
  let workedMs = 0;
  for (
    let date = localDateAt(fromMs, schedule.timeZone);
    compareLocalDates(date, lastDate) <= 0;
    date = addLocalDays(date, 1)
  ) {
    for (const range of schedule.rangesOn(date)) {
      workedMs += Math.max(0, Math.min(range.end, toMs) - Math.max(range.start, fromMs));
    }
  }
  return workedMs / MINUTE_MS;
}

/**
 * The moment `minutes` working minutes after `start` have elapsed: the earliest instant `end`
 * with businessMinutesBetween(start, end) = minutes. Outside working time the count starts at the
 * next working moment, so Friday 16:00 + 60 is Friday 17:00 and + 61 is Monday 09:01 (Mon–Fri
 * 09–17); adding 0 gives `start`. Negative minutes count backwards: the latest `end` with
 * businessMinutesBetween(end, start) = −minutes. Exact to the millisecond.
 */
export function addBusinessMinutes(
  calendar: BusinessCalendar,
  start: Instant,
  minutes: number,
): Instant {
  if (!Number.isFinite(minutes)) {
    throw new DomainError({
      code: 'invalid_business_minutes',
      kind: 'invalid',
      field: 'minutes',
      message: `${minutes} is not a number of business minutes`,
    });
  }
  const remainingMs = Math.round(Math.abs(minutes) * MINUTE_MS);
  if (remainingMs === 0) return start;
  const schedule = workingSchedule(calendar);
  const startMs = instantMs(start);
  return minutes > 0
    ? toInstant(new Date(countForward(schedule, startMs, remainingMs)))
    : toInstant(new Date(countBackward(schedule, startMs, remainingMs)));
}

function countForward(schedule: WorkingSchedule, startMs: number, totalMs: number): number {
  let remainingMs = totalMs;
  for (const { ranges } of workingDays(schedule, startMs, 1)) {
    for (const range of ranges) {
      if (range.end <= startMs) continue;
      const from = Math.max(range.start, startMs);
      if (remainingMs <= range.end - from) return from + remainingMs;
      remainingMs -= range.end - from;
    }
  }
  throw new Error('workingDays() never ends');
}

function countBackward(schedule: WorkingSchedule, startMs: number, totalMs: number): number {
  let remainingMs = totalMs;
  for (const { ranges } of workingDays(schedule, startMs, -1)) {
    for (const range of [...ranges].reverse()) {
      if (range.start >= startMs) continue;
      const to = Math.min(range.end, startMs);
      if (remainingMs <= to - range.start) return to - remainingMs;
      remainingMs -= to - range.start;
    }
  }
  throw new Error('workingDays() never ends');
}
