import { type CalendarFeed, DomainError } from '@steadfast/domain';
import { isUniqueViolation } from '../connection.ts';
import type { CalendarFeedRow } from '../schema/calendar-feed.table.ts';
import type { Db } from '../schema/database.ts';
import { inTransaction } from '../transaction.ts';

// The one place where calendar feed rows and domain objects meet.
function toFeed(row: CalendarFeedRow): CalendarFeed {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: row.created_at,
    lastFetchedAt: row.last_fetched_at,
    revokedAt: row.revoked_at,
  };
}

/**
 * Gives a person a new feed, revoking the one they had (if any) in the same transaction, so at
 * most one of their feed URLs works at a time. Returns whether an old feed was revoked.
 */
export async function replaceCalendarFeed(
  db: Db,
  feed: { id: string; userId: string; secretHash: string; createdAt: string },
): Promise<{ revokedPrevious: boolean }> {
  return inTransaction(db, async (trx) => {
    const revokedPrevious = await revokeCalendarFeed(trx, feed.userId, feed.createdAt);
    try {
      await trx
        .insertInto('calendar_feeds')
        .values({
          id: feed.id,
          user_id: feed.userId,
          secret_hash: feed.secretHash,
          created_at: feed.createdAt,
          last_fetched_at: null,
          revoked_at: null,
        })
        .execute();
    } catch (error) {
      // Two feeds made for one person at the same moment: one wins, the other is told to retry.
      if (!isUniqueViolation(error)) throw error;
      throw new DomainError({
        code: 'calendar_feed_conflict',
        kind: 'conflict',
        message: 'Another calendar feed was made for you at the same moment; try again.',
      });
    }
    return { revokedPrevious };
  });
}

/** Revokes a person's live feed from now on; false when they had none. */
export async function revokeCalendarFeed(db: Db, userId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('calendar_feeds')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A person's live (not revoked) feed, if they have one. */
export async function findLiveCalendarFeed(
  db: Db,
  userId: string,
): Promise<CalendarFeed | undefined> {
  const row = await db
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && toFeed(row);
}

/** The live feed whose secret has this SHA-256; a revoked one is never found. */
export async function findCalendarFeedBySecretHash(
  db: Db,
  secretHash: string,
): Promise<CalendarFeed | undefined> {
  const row = await db
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('secret_hash', '=', secretHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && toFeed(row);
}

/** Notes that a calendar app fetched the feed; written at most once a minute to keep reads cheap. */
export async function touchCalendarFeed(db: Db, id: string, now: string): Promise<void> {
  const aMinuteAgo = new Date(Date.parse(now) - 60_000).toISOString();
  await db
    .updateTable('calendar_feeds')
    .set({ last_fetched_at: now })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('last_fetched_at', 'is', null), eb('last_fetched_at', '<', aMinuteAgo)]),
    )
    .execute();
}
