import { findLiveCalendarFeed, replaceCalendarFeed, revokeCalendarFeed } from '@steadfast/db';
import { TRPCError } from '@trpc/server';
import { calendarFeedPath, newCalendarFeedSecret } from '../auth/calendar-feed-secrets.ts';
import type { ApiContext } from '../context.ts';
import { createRouter, publicProcedure } from '../trpc.ts';

/** The logged-in person: a feed is always one's own (the access table admits no token). */
function personId(ctx: ApiContext): string {
  if (ctx.actorId === null) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Log in to manage your calendar feed.' });
  }
  return ctx.actorId;
}

export const calendarFeedRouter = createRouter({
  /**
   * Makes the caller's calendar feed, revoking the one they had. Its URL path holds the secret
   * and is in this answer once and never again: only the secret's hash is stored.
   */
  create: publicProcedure.mutation(async ({ ctx }) => {
    const userId = personId(ctx);
    const id = ctx.newId();
    const createdAt = ctx.now();
    const { secret, secretHash } = newCalendarFeedSecret();
    const { revokedPrevious } = await replaceCalendarFeed(ctx.db, {
      id,
      userId,
      secretHash,
      createdAt,
    });
    return { id, path: calendarFeedPath(secret), createdAt, revokedPrevious };
  }),

  /** Revokes the caller's feed: its URL answers 404 from now on. False when there was none. */
  revoke: publicProcedure.mutation(async ({ ctx }) => ({
    revoked: await revokeCalendarFeed(ctx.db, personId(ctx), ctx.now()),
  })),

  /** Whether the caller has a feed, since when, and when a calendar app last fetched it. */
  status: publicProcedure.query(async ({ ctx }) => {
    const feed = await findLiveCalendarFeed(ctx.db, personId(ctx));
    return {
      exists: feed !== undefined,
      createdAt: feed?.createdAt ?? null,
      lastFetchedAt: feed?.lastFetchedAt ?? null,
    };
  }),
});
