import type { Instant } from '../shared/instant.ts';

/**
 * The days a monthly trend is drawn at: the last day (UTC) of each of the `months − 1` months
 * before the current one, then today. `trendDays('2026-11-24T…', 3)` → 2026-09-30, 2026-10-31,
 * 2026-11-24.
 */
export function trendDays(now: Instant, months: number): string[] {
  const today = now.slice(0, 10);
  const date = new Date(`${today}T00:00:00.000Z`);
  const days: string[] = [];
  for (let back = months - 1; back >= 1; back -= 1) {
    // Day 0 of the month after is the last day of the month `back` months ago.
    const end = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - back + 1, 0));
    days.push(end.toISOString().slice(0, 10));
  }
  days.push(today);
  return days;
}

/** The end of a UTC day as an instant: a month-end score counts everything closed that day. */
export function endOfDay(day: string): Instant {
  return `${day}T23:59:59.999Z`;
}
