import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import type { Instant } from '../shared/instant.ts';

/** The local calendar day containing `now` in `timeZone`, as a half-open UTC range [start, end). */
export function dayBounds(now: Instant, timeZone: string): { start: Instant; end: Instant } {
  const start = startOfDay(new TZDate(now, timeZone));
  // The next day's own start: adding a day to `start` keeps its time of day, which is not midnight
  // when this day's midnight was skipped (a DST change at 00:00, as in Chile or Egypt).
  const end = startOfDay(addDays(start, 1));
  // TZDate prints its own offset; instants are stored as UTC.
  return {
    start: new Date(start.getTime()).toISOString(),
    end: new Date(end.getTime()).toISOString(),
  };
}
