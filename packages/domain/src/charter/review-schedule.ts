import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns';
import { type Instant, instantMs } from '../shared/instant.ts';

/**
 * When a charter is next due for review: `months` calendar months after `from` (its last review,
 * else when it was first agreed), at the same local time in the account's time zone; a day the
 * month lacks falls on its last day (31 January + 1 month is 28 or 29 February).
 */
export function nextReviewAt(from: Instant, months: number, timeZone: string): Instant {
  const next = addMonths(new TZDate(instantMs(from), timeZone), months);
  // TZDate prints its own offset; instants are stored as UTC.
  return new Date(next.getTime()).toISOString();
}

/** A charter review is overdue once its next review date has passed. */
export function isReviewOverdue(schedule: { nextReviewAt: Instant }, now: Instant): boolean {
  return instantMs(schedule.nextReviewAt) < instantMs(now);
}

const DAY_MS = 86_400_000;

/** How many whole days a review is overdue at `now` (0 when not yet overdue or less than a day). */
export function daysOverdue(schedule: { nextReviewAt: Instant }, now: Instant): number {
  return Math.max(0, Math.floor((instantMs(now) - instantMs(schedule.nextReviewAt)) / DAY_MS));
}
