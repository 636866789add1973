import {
  type Db,
  findCalendarFeedBySecretHash,
  findUser,
  listFeedCharterReviews,
  listFeedPromises,
  touchCalendarFeed,
} from '@steadfast/db';
import {
  charterReviewFeedEntry,
  type FeedEntry,
  feedCharterScope,
  type Instant,
  promiseFeedEntry,
} from '@steadfast/domain';
import { parseCalendarFeedFile } from '../auth/calendar-feed-secrets.ts';
import { tokenHash } from '../auth/session-tokens.ts';

/**
 * The most promises and the most charter reviews one feed holds: far more than a person keeps
 * open, and a bound on what one fetch of a leaked URL can cost.
 */
export const feedEntryLimit = 1000;

/** What a calendar app is given for a feed: whose it is, and its events. */
export interface CalendarFeedContent {
  personName: string;
  entries: FeedEntry[];
}

/**
 * The feed behind the last segment of a feed URL (`<secret>.ics`): the person's promises still to
 * be kept, and the next charter reviews of their accounts (every account for leaders and admins).
 * Null for a malformed, unknown or revoked secret: the caller answers 404 and shows nothing.
 * The fetch is noted as the feed's last.
 */
export async function calendarFeedFor(options: {
  db: Db;
  file: string;
  now: Instant;
}): Promise<CalendarFeedContent | null> {
  const { db, now } = options;
  const secret = parseCalendarFeedFile(options.file);
  if (secret === null) return null;
  const feed = await findCalendarFeedBySecretHash(db, tokenHash(secret));
  if (feed === undefined) return null;
  const person = await findUser(db, feed.userId);
  if (person === undefined) return null;
  await touchCalendarFeed(db, feed.id, now);
  const promises = await listFeedPromises(db, { ownerId: person.id, limit: feedEntryLimit });
  const reviews = await listFeedCharterReviews(db, {
    ownerId: feedCharterScope(person.role) === 'own_accounts' ? person.id : null,
    limit: feedEntryLimit,
  });
  return {
    personName: person.name,
    entries: [...promises.map(promiseFeedEntry), ...reviews.map(charterReviewFeedEntry)],
  };
}
