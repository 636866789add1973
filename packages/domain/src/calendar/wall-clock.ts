import { TZDate, tzOffset } from '@date-fns/tz';
import type { LocalDate } from './local-date.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A reading of a local clock: hours (0–24, where 24:00 is the next midnight), minutes, … */
export interface WallClockTime {
  readonly hours: number;
  readonly minutes: number;
  readonly seconds?: number;
  readonly milliseconds?: number;
}

/**
 * The instant (epoch ms) at which the clock in `timeZone` reads `time` on `date`, resolved as
 * RFC 5545 (§3.3.5) and Temporal's "compatible" do: a time the clocks skip when they spring
 * forward is read with the offset before the jump (Berlin 02:30 on 29 March 2026 is 03:30 CEST);
 * a time that happens twice when they fall back means its first occurrence.
 */
export function wallClockInstant(date: LocalDate, time: WallClockTime, timeZone: string): number {
  const resolved = new TZDate(
    date.year,
    date.month - 1,
    date.day,
    time.hours,
    time.minutes,
    time.seconds ?? 0,
    time.milliseconds ?? 0,
    timeZone,
  );
  const instant = resolved.getTime();
  // TZDate resolves a repeated reading to its second occurrence. Only when the clocks fell back
  // within the last day can there be an earlier one: it is earlier by the size of the fall-back,
  // and it counts only if the clock really showed the same reading then.
  const fallBackMinutes =
    tzOffset(timeZone, new Date(instant - DAY_MS)) - tzOffset(timeZone, resolved);
  if (fallBackMinutes <= 0) return instant;
  const earlier = new TZDate(instant - fallBackMinutes * MINUTE_MS, timeZone);
  return readsTheSame(earlier, resolved) ? earlier.getTime() : instant;
}

function readsTheSame(a: TZDate, b: TZDate): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate() &&
    a.getHours() === b.getHours() &&
    a.getMinutes() === b.getMinutes() &&
    a.getSeconds() === b.getSeconds() &&
    a.getMilliseconds() === b.getMilliseconds()
  );
}

/** What the clock in `timeZone` reads at the instant `epochMs`. */
export function wallClockAt(epochMs: number, timeZone: string): WallClockTime {
  const local = new TZDate(epochMs, timeZone);
  return {
    hours: local.getHours(),
    minutes: local.getMinutes(),
    seconds: local.getSeconds(),
    milliseconds: local.getMilliseconds(),
  };
}
