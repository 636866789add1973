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
  DomainError,
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
import { createRouter, publicProcedure } from '../trpc.ts';

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

function encodeCursor(last: Touchpoint): string {
  return Buffer.from(JSON.stringify([last.dueAt, last.id])).toString('base64url');
}

function decodeCursor(cursor: string): { dueAt: string; id: string } {
  try {
    const [dueAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof dueAt === 'string' && typeof id === 'string') return { dueAt, id };
  } catch {
    // fall through to the error below
  }
  throw new DomainError({
    code: 'invalid_cursor',
    kind: 'invalid',
    field: 'cursor',
    message: 'must be a nextCursor from an earlier page',
  });
}

export const touchpointRouter = createRouter({
  /** Touchpoints by account, owner, status and kind, soonest moment first, a page at a time. */
  list: publicProcedure.input(listInputSchema).query(async ({ ctx, input }) => {
    const items = await listTouchpoints(ctx.db, {
      accountId: input.accountId,
      ownerId: input.ownerId,
      status: input.status,
      kind: input.kind,
      after: input.cursor === undefined ? undefined : decodeCursor(input.cursor),
      limit: input.limit + 1,
    });
    const page = items.slice(0, input.limit);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor: items.length > input.limit && last !== undefined ? encodeCursor(last) : null,
    };
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
