import {
  type Db,
  findAccount,
  findCharter,
  findCharterForChange,
  findCharterVersion,
  listAccountsWithoutCharter,
  listCharterReviews,
  listCharterVersions,
  listOverdueCharterReviews,
  saveCharterReview,
  saveCharterVersion,
} from '@steadfast/db';
import {
  type Account,
  type AccountStage,
  type Charter,
  charterNotFound,
  DomainError,
  daysOverdue,
  type Instant,
  idSchema,
  instantSchema,
  isReviewOverdue,
  notFound,
  recordCharterReviewInputSchema,
  reviewCharter,
  reviseCharter,
  saveCharterInputSchema,
} from '@steadfast/domain';
import { z } from 'zod';
import { accountCharterCompliance } from '../analytics/account-charter-compliance.ts';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { judgeAccountObservations } from '../analytics/observation-verdicts.ts';
import { createRouter, publicProcedure } from '../trpc.ts';
import { charterObservationProcedures } from './charter-observation.procedures.ts';

const accountInputSchema = z.object({ accountId: idSchema });

/** Stages whose accounts ought to have a charter: without one, nobody agreed what good service is. */
const stagesNeedingCharter: readonly AccountStage[] = ['onboarding', 'active', 'at_risk'];

async function accountOrThrow(db: Db, accountId: string): Promise<Account> {
  const account = await findAccount(db, accountId);
  if (account === undefined) throw notFound('account', accountId, 'accountId');
  return account;
}

/** A charter as callers see it: head, current version, and whether its review is overdue. */
function charterView(charter: Charter, now: Instant) {
  return { ...charter, reviewOverdue: isReviewOverdue(charter.head, now) };
}

export const charterRouter = createRouter({
  /** An account's current charter (null when it has none) and the list of its versions. */
  get: publicProcedure.input(accountInputSchema).query(async ({ ctx, input }) => {
    await accountOrThrow(ctx.db, input.accountId);
    const charter = await findCharter(ctx.db, input.accountId);
    const versions = await listCharterVersions(ctx.db, input.accountId);
    return {
      charter: charter === undefined ? null : charterView(charter, ctx.now()),
      versions: versions.map(({ terms, ...version }) => ({ ...version, termCount: terms.length })),
    };
  }),

  /** Every version of an account's charter (newest first) and its reviews (newest first). */
  history: publicProcedure.input(accountInputSchema).query(async ({ ctx, input }) => {
    await accountOrThrow(ctx.db, input.accountId);
    const versions = await listCharterVersions(ctx.db, input.accountId);
    const reviews = await listCharterReviews(ctx.db, input.accountId);
    return { versions: versions.reverse(), reviews };
  }),

  /** One version of an account's charter, as it was agreed. */
  version: publicProcedure
    .input(accountInputSchema.extend({ version: z.int().min(1, 'must be at least 1') }))
    .query(async ({ ctx, input }) => {
      const version = await findCharterVersion(ctx.db, input.accountId, input.version);
      if (version === undefined) {
        throw new DomainError({
          code: 'charter_version_not_found',
          kind: 'not_found',
          field: 'version',
          message: `Account ${input.accountId} has no charter version ${input.version}.`,
        });
      }
      return version;
    }),

  /**
   * Saves a new version of an account's charter (the first with expectedVersion 0). Terms keep
   * their ids when carried over; old versions never change. A stale expectedVersion is a 409
   * `version_conflict` naming the current version.
   */
  save: publicProcedure.input(saveCharterInputSchema).mutation(async ({ ctx, input }) => {
    const account = await accountOrThrow(ctx.db, input.accountId);
    const current = (await findCharterForChange(ctx.db, input.accountId)) ?? null;
    const { head, version } = reviseCharter(current, input, {
      now: ctx.now(),
      actorId: ctx.actorId,
      newTermId: ctx.newId,
      timeZone: account.timeZone,
    });
    await saveCharterVersion(ctx.db, { head, version, expectedVersion: input.expectedVersion });
    // A version in force from now on may judge observations of the account differently.
    await judgeAccountObservations(ctx.db, { accountId: input.accountId });
    return charterView({ head, current: version }, ctx.now());
  }),

  /**
   * Records a review of the current version with the client; with a `revision` it also saves the
   * new version the review agreed. The next review falls one cadence after this one.
   */
  recordReview: publicProcedure
    .input(recordCharterReviewInputSchema)
    .mutation(async ({ ctx, input }) => {
      const account = await accountOrThrow(ctx.db, input.accountId);
      const charter = await findCharterForChange(ctx.db, input.accountId);
      if (charter === undefined) throw charterNotFound(input.accountId);
      const decided = reviewCharter(charter, input, {
        now: ctx.now(),
        actorId: ctx.actorId,
        reviewId: ctx.newId(),
        newTermId: ctx.newId,
        timeZone: account.timeZone,
      });
      await saveCharterReview(ctx.db, { ...decided, expectedVersion: input.expectedVersion });
      if (decided.version !== null) {
        await judgeAccountObservations(ctx.db, { accountId: input.accountId });
      }
      const current = decided.version ?? charter.current;
      return {
        review: decided.review,
        charter: charterView({ head: decided.head, current }, ctx.now()),
      };
    }),

  /**
   * Charters whose next review date has passed, longest overdue first, and accounts being served
   * (onboarding, active, at risk) that have no charter at all, by name:
   * the first `limit` of each (default 50) and whether there are more, so the page a leader opens
   * stays the same size however many accounts the company serves.
   */
  overdueReviews: publicProcedure
    .input(
      z
        .object({
          ownerId: idSchema.optional(),
          limit: z.int().min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
        })
        .default({ limit: 50 }),
    )
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      const ownerId = ctx.ownerScope ?? input.ownerId;
      const overdue = await listOverdueCharterReviews(ctx.db, {
        now,
        ownerId,
        limit: input.limit + 1,
      });
      const withoutCharter = await listAccountsWithoutCharter(ctx.db, {
        stages: stagesNeedingCharter,
        ownerId,
        limit: input.limit + 1,
      });
      return {
        asOf: now,
        overdue: overdue
          .slice(0, input.limit)
          .map((row) => ({ ...row, daysOverdue: daysOverdue(row, now) })),
        moreOverdue: overdue.length > input.limit,
        withoutCharter: withoutCharter.slice(0, input.limit),
        moreWithoutCharter: withoutCharter.length > input.limit,
      };
    }),

  /**
   * How the account kept its charter over [from, to) (default: the 90 days up to the end of
   * today in the account's time zone): per term the
   * share of observations within target against its threshold, the breaches, and overall `share`.
   */
  compliance: publicProcedure
    .input(
      accountInputSchema.extend({ from: instantSchema.optional(), to: instantSchema.optional() }),
    )
    .query(async ({ ctx, input }) => {
      const account = await accountOrThrow(ctx.db, input.accountId);
      const { settings } = await loadAnalyticsSettings(ctx.db);
      const compliance = await accountCharterCompliance({
        db: ctx.db,
        account,
        settings,
        now: ctx.now(),
        from: input.from,
        to: input.to,
      });
      if (compliance === null) throw charterNotFound(account.id);
      return compliance;
    }),

  ...charterObservationProcedures,
});
