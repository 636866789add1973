import {
  changeTouchpoint,
  findAccount,
  findAccountsByIds,
  findPromiseSummary,
  insertTouchpoint,
  listAccountIdsAfter,
  listTouchpoints,
} from '@steadfast/db';
import {
  type Account,
  completeTouchpoint,
  completeTouchpointInputSchema,
  dismissTouchpoint,
  dismissTouchpointInputSchema,
  idSchema,
  logTouchpoint,
  logTouchpointInputSchema,
  notFound,
  type Touchpoint,
  touchpointKinds,
  touchpointRulesSchema,
  touchpointStatuses,
} from '@steadfast/domain';
import { z } from 'zod';
import { suggestTouchpointsForAccount } from '../background/touchpoint-suggest.job.ts';
import { decodeKeysetCursor, keysetPage } from '../keyset-page.ts';
import { createRouter, publicProcedure } from '../trpc.ts';

function cursorAfter(cursor: string | undefined) {
  if (cursor === undefined) return undefined;
  const { position, id } = decodeKeysetCursor(cursor);
  return { dueAt: position, id };
}

const listInputSchema = z
  .object({
    accountId: idSchema.optional(),
    ownerId: idSchema.optional(),
    status: z.enum(touchpointStatuses).optional(),
    kind: z.enum(touchpointKinds).optional(),
    limit: z.int().min(1, 'must be at least 1').max(500, 'must be at most 500').default(100),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
  })
  .default({ limit: 100 });

const suggestInputSchema = z
  .object({
    /** One account; all accounts when omitted. */
    accountId: idSchema.optional(),
    rules: touchpointRulesSchema.default(touchpointRulesSchema.parse({})),
  })
  .default({ rules: touchpointRulesSchema.parse({}) });

export const touchpointRouter = createRouter({
  /** Touchpoints by account, owner, status and kind, soonest moment first, a page at a time. */
  list: publicProcedure.input(listInputSchema).query(async ({ ctx, input }) => {
    const items = await listTouchpoints(ctx.db, {
      accountId: input.accountId,
      ownerId: ctx.ownerScope ?? input.ownerId,
      status: input.status,
      kind: input.kind,
      after: cursorAfter(input.cursor),
      limit: input.limit + 1,
    });
    return keysetPage(items, input.limit, (touchpoint) => touchpoint.dueAt);
  }),

  /**
   * Runs the touchpoint rules now, for one account or every account (one account at a time), and
   * stores the moments due that were never suggested before. Running it again stores nothing new.
   */
  suggest: publicProcedure.input(suggestInputSchema).mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    const run = (account: Account) =>
      suggestTouchpointsForAccount({
        db: ctx.db,
        account,
        now,
        newId: ctx.newId,
        rules: input.rules,
      });
    if (input.accountId !== undefined) {
      const account = await findAccount(ctx.db, input.accountId);
      if (account === undefined) throw notFound('account', input.accountId, 'accountId');
      return { accountsReviewed: 1, suggested: await run(account) };
    }
    const suggested: Touchpoint[] = [];
    let accountsReviewed = 0;
    let afterId: string | undefined;
    while (true) {
      const ids = await listAccountIdsAfter(ctx.db, { afterId, limit: 200 });
      if (ids.length === 0) return { accountsReviewed, suggested };
      afterId = ids.at(-1);
      const accounts = await findAccountsByIds(ctx.db, ids);
      accounts.sort((a, b) => (a.id < b.id ? -1 : 1));
      for (const account of accounts) {
        accountsReviewed += 1;
        suggested.push(...(await run(account)));
      }
    }
  }),

  /** A suggested touchpoint done (with a note, when), at the version the caller read. */
  complete: publicProcedure
    .input(completeTouchpointInputSchema)
    .mutation(({ ctx, input }) =>
      changeTouchpoint(ctx.db, input.touchpointId, (touchpoint) =>
        completeTouchpoint(touchpoint, input, { now: ctx.now(), actorId: ctx.actorId }),
      ),
    ),

  /** A suggested touchpoint dismissed, with the reason, at the version the caller read. */
  dismiss: publicProcedure
    .input(dismissTouchpointInputSchema)
    .mutation(({ ctx, input }) =>
      changeTouchpoint(ctx.db, input.touchpointId, (touchpoint) =>
        dismissTouchpoint(touchpoint, input, { now: ctx.now() }),
      ),
    ),

  /** A person logs a moment as done directly (a referral sent their way, a call, a card). */
  log: publicProcedure.input(logTouchpointInputSchema).mutation(async ({ ctx, input }) => {
    const account = await findAccount(ctx.db, input.accountId);
    if (account === undefined) throw notFound('account', input.accountId, 'accountId');
    if (input.promiseId !== null) {
      const promise = await findPromiseSummary(ctx.db, input.promiseId);
      if (promise === undefined || promise.accountId !== account.id) {
        throw notFound('promise', input.promiseId, 'promiseId');
      }
    }
    const touchpoint = logTouchpoint(input, {
      touchpointId: ctx.newId(),
      ownerId: account.ownerId,
      now: ctx.now(),
      actorId: ctx.actorId,
    });
    await insertTouchpoint(ctx.db, touchpoint);
    return touchpoint;
  }),
});
