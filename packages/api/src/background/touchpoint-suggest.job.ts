import {
  type Db,
  enqueueJob,
  findAccount,
  insertSuggestedTouchpoints,
  lastPromiseTouchAt,
  listAccountIdsAfter,
  listRecentFulfilledPromises,
  loadTouchpointsSoFar,
} from '@steadfast/db';
import {
  type Account,
  type Instant,
  idSchema,
  suggestedTouchpoint,
  suggestTouchpoints,
  type Touchpoint,
  type TouchpointRules,
  touchpointRulesSchema,
} from '@steadfast/domain';
import { z } from 'zod';
import type { JobContext } from './job-kinds.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Longer than any window the rules allow (anniversaries: at most 60 days before + 60 after). */
const touchpointLookbackDays = 400;
/** More fulfilments within the thank-you window than this are not all thanked (noise anyway). */
const fulfilmentsRead = 200;

function daysBefore(now: Instant, days: number): Instant {
  return new Date(Date.parse(now) - days * DAY_MS).toISOString();
}

/**
 * Runs the touchpoint rules for one account at `now` and stores the moments due that no run
 * stored before. Bounded reads: the fulfilments within the thank-you window, one aggregate of
 * promise activity, and the account's touchpoints the rules need. Gives back what it stored.
 */
export async function suggestTouchpointsForAccount(options: {
  db: Db;
  account: Account;
  now: Instant;
  newId: () => string;
  rules: TouchpointRules;
}): Promise<Touchpoint[]> {
  const { db, account, now, rules } = options;
  const fulfilled = await listRecentFulfilledPromises(db, {
    accountId: account.id,
    since: daysBefore(now, rules.thanksWithinDays),
    limit: fulfilmentsRead,
  });
  const [lastTouch, touchpoints] = await Promise.all([
    lastPromiseTouchAt(db, account.id),
    loadTouchpointsSoFar(db, {
      accountId: account.id,
      since: daysBefore(now, touchpointLookbackDays),
      promiseIds: fulfilled.map((promise) => promise.promiseId),
    }),
  ]);
  const suggestions = suggestTouchpoints({
    account,
    fulfilled,
    lastPromiseTouchAt: lastTouch,
    touchpoints,
    now,
    rules,
  });
  return insertSuggestedTouchpoints(
    db,
    suggestions.map((suggestion) =>
      suggestedTouchpoint(suggestion, {
        touchpointId: options.newId(),
        accountId: account.id,
        ownerId: account.ownerId,
        now,
      }),
    ),
  );
}

export const touchpointSuggestJobKind = 'touchpoint_suggest';

export const touchpointSuggestPayloadSchema = z.object({
  accountId: idSchema,
  rules: touchpointRulesSchema.default(touchpointRulesSchema.parse({})),
});

/** The background job: one account's touchpoint rules, run at the job's `now`. */
export async function suggestAccountTouchpoints(
  payload: unknown,
  context: JobContext,
): Promise<{ suggested: number }> {
  const { accountId, rules } = touchpointSuggestPayloadSchema.parse(payload);
  const account = await findAccount(context.db, accountId);
  if (account === undefined) return { suggested: 0 };
  const stored = await suggestTouchpointsForAccount({
    db: context.db,
    account,
    now: context.now(),
    newId: context.newId,
    rules,
  });
  return { suggested: stored.length };
}

/**
 * Schedules this slot's touchpoint runs: one job per account, with an id fixed by account and
 * slot, so however many instances schedule it, each account's run is enqueued once.
 */
export async function scheduleTouchpointSuggestions(options: {
  db: Db;
  now: Instant;
  everyMs: number;
}): Promise<number> {
  const slot = Math.floor(Date.parse(options.now) / options.everyMs);
  let enqueued = 0;
  let afterId: string | undefined;
  while (true) {
    const accountIds = await listAccountIdsAfter(options.db, { afterId, limit: 500 });
    if (accountIds.length === 0) return enqueued;
    afterId = accountIds.at(-1);
    for (const accountId of accountIds) {
      const added = await enqueueJob(options.db, {
        id: `${touchpointSuggestJobKind}:${accountId}:${slot}`,
        kind: touchpointSuggestJobKind,
        payload: { accountId },
        runAt: options.now,
        now: options.now,
      });
      if (added) enqueued += 1;
    }
  }
}
