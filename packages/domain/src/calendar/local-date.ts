import { tzOffset } from '@date-fns/tz';
import { type Weekday, weekdays } from './business-calendar.ts';

/** A date on the local calendar (no time, no zone): what a holiday or a working day is. */
export interface LocalDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
}

const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 100_000;

/** Offsets of each zone by UTC hour (Number.NaN: the offset changes within that hour). */
const offsetsByZone = new Map<string, Map<number, number>>();

/**
 * The zone's offset from UTC in minutes at `epochMs`, as `tzOffset` gives it. Asking `Intl` costs
 * microseconds, and analytics ask for the same few zones and days again and again, so each hour
 * of each zone is asked about once: when the offset is the same at its first and last
 * millisecond, it holds for the whole hour (no zone has changed its offset twice in an hour).
 */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  let byHour = offsetsByZone.get(timeZone);
  if (byHour === undefined) {
    byHour = new Map();
    offsetsByZone.set(timeZone, byHour);
  }
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = byHour.get(hour);
  if (offset === undefined) {
    const first = tzOffset(timeZone, new Date(hour * HOUR_MS));
    const last = tzOffset(timeZone, new Date((hour + 1) * HOUR_MS - 1));
    offset = first === last ? first : Number.NaN;
    if (byHour.size >= MAX_CACHED_HOURS) byHour.clear();
    byHour.set(hour, offset);
  }
  return Number.isNaN(offset) ? tzOffset(timeZone, new Date(epochMs)) : offset;
}

/** The local calendar date in `timeZone` at the instant `epochMs`. */
export function localDateAt(epochMs: number, timeZone: string): LocalDate {
  const offset = zoneOffsetMinutes(epochMs, timeZone);
  // An unknown zone has no offset: TZDate gives an invalid date then, and so does this.
  const local = new Date(epochMs + offset * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
  };
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
