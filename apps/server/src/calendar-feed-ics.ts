import type { CalendarFeedContent } from '@steadfast/api';
import type { FeedEntryTime, Instant } from '@steadfast/domain';
import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';

/** How often calendar apps are asked to fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const refreshSeconds = 15 * 60;

function eventTime(time: FeedEntryTime): { start: Date; end: Date; allDay: boolean } {
  if (time.kind === 'span') {
    return { start: new Date(time.start), end: new Date(time.end), allDay: false };
  }
  // With no time zone set, ical-generator writes a date-only value from the UTC date: midnight
  // UTC of the local date is that date. DTEND is exclusive, so a one-day event ends the next day.
  const start = new Date(`${time.date}T00:00:00.000Z`);
  return { start, end: new Date(start.getTime() + 86_400_000), allDay: true };
}

/**
 * A feed as an RFC 5545 calendar, written by ical-generator. Every event is transparent: a due
 * date or a review reminds, it does not make the person busy.
 */
export function renderCalendarFeed(content: CalendarFeedContent, now: Instant): string {
  const calendar = ical({
    name: `Steadfast — ${content.personName}`,
    description: 'Promises due and charter reviews, from Steadfast',
    prodId: { company: 'Steadfast', product: 'Calendar feed', language: 'EN' },
    ttl: refreshSeconds,
  });
  for (const entry of content.entries) {
    calendar.createEvent({
      id: entry.uid,
      ...eventTime(entry.time),
      summary: entry.summary,
      description: entry.description,
      sequence: entry.sequence,
      lastModified: new Date(entry.lastModified),
      stamp: new Date(now),
      priority: entry.priority,
      status: entry.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}
