import { dayBounds } from '../calendar/day-bounds.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import { wallClockInstant } from '../calendar/wall-clock.ts';
import type { Instant } from '../shared/instant.ts';

/** The instant a local calendar date begins in `timeZone` (its midnight, or first moment). */
export function localDayStart(date: LocalDate, timeZone: string): Instant {
  // Noon always exists; the day's own start then follows even where midnight was skipped.
  const noon = new Date(wallClockInstant(date, { hours: 12, minutes: 0 }, timeZone)).toISOString();
  return dayBounds(noon, timeZone).start;
}
