import { TZDate } from '@date-fns/tz';
import { type Weekday, weekdays } from './business-calendar.ts';

/** A date on the local calendar (no time, no zone): what a holiday or a working day is. */
export interface LocalDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
}

/** The local calendar date in `timeZone` at the instant `epochMs`. */
export function localDateAt(epochMs: number, timeZone: string): LocalDate {
  const local = new TZDate(epochMs, timeZone);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  // Plain calendar arithmetic on a zone-less date: UTC has no DST to get in the way.
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

export function weekdayOf(date: LocalDate): Weekday {
  const weekday = weekdays[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()];
  if (weekday === undefined) throw new Error('getUTCDay() is always 0–6');
  return weekday;
}

/** `YYYY-MM-DD`, the form holidays are stored in (and which sorts like the dates). */
export function formatLocalDate(date: LocalDate): string {
  const year = String(date.year).padStart(4, '0');
  return `${year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Reads `YYYY-MM-DD` (already validated, e.g. by `z.iso.date()`). */
export function parseLocalDate(text: string): LocalDate {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = text.split('-').map(Number);
  return { year, month, day };
}

/** Negative, zero or positive as `a` is before, the same as, or after `b`. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
