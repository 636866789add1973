import {
  type Db,
  findAccountsByIds,
  findCharterObservation,
  findCharters,
  insertCharterObservations,
  listCharterObservations,
} from '@steadfast/db';
import {
  type CharterObservationCommand,
  charterObservationBatchInputSchema,
  charterObservationInputSchema,
  DomainError,
  idSchema,
  instantSchema,
  measureObservations,
  type ObservationIssue,
  type ObservedAccount,
} from '@steadfast/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { accountCalendar, loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { judgeNewObservations } from '../analytics/observation-verdicts.ts';
import type { ApiContext } from '../context.ts';
import { integrationRoutes } from '../openapi/integration-routes.ts';
import { observeBatchOutput, observeOutput } from '../openapi/observation.schemas.ts';
import { publicProcedure } from '../trpc.ts';
import { emitCharterBreaches } from '../webhooks/charter-breaches.ts';

/** Each account the rows name, with its current charter and calendar (absent: no such account). */
async function observedAccounts(
  db: Db,
  rows: readonly CharterObservationCommand[],
): Promise<Map<string, ObservedAccount>> {
  const accounts = await findAccountsByIds(db, [...new Set(rows.map((row) => row.accountId))]);
  const { settings } = await loadAnalyticsSettings(db);
  const charters = await findCharters(
    db,
    accounts.map((account) => account.id),
  );
  const observed = new Map<string, ObservedAccount>();
  for (const account of accounts) {
    const charter = charters.get(account.id) ?? null;
    observed.set(account.id, { charter, calendar: accountCalendar(account, settings) });
  }
  return observed;
}

async function measure(ctx: ApiContext, rows: readonly CharterObservationCommand[]) {
  const accounts = await observedAccounts(ctx.db, rows);
  const measured = measureObservations(rows, {
    accounts,
    now: ctx.now(),
    actorId: ctx.actorId,
    newId: ctx.newId,
  });
  return { ...measured, accounts };
}

/**
 * The issues of a refused batch, carried the way tRPC carries a schema failure (an Error with
 * `issues`), so every client gets field errors naming each refused row and field.
 */
class RefusedObservations extends Error {
  override readonly name = 'RefusedObservations';
  readonly issues: Array<{ message: string; path: PropertyKey[] }>;

  constructor(issues: readonly ObservationIssue[]) {
    super(`${issues.length} observation(s) refused; nothing was stored.`);
    this.issues = issues.map((issue) => ({
      message: issue.message,
      path: ['observations', issue.index, issue.field],
    }));
  }
}

function refusedBatch(issues: readonly ObservationIssue[]): TRPCError {
  const cause = new RefusedObservations(issues);
  return new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
}

const notFoundCodes = new Set(['account_not_found', 'charter_not_found']);

const listObservationsInputSchema = z.object({
  accountId: idSchema,
  termId: idSchema.optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  limit: z.int().min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(200),
});

/** Posting and reading observations of charter terms: merged into the charter router. */
export const charterObservationProcedures = {
  /**
   * One measured instance of a charter term. Posting the same term and reference again stores
   * nothing and answers with the observation stored first (`duplicate: true`).
   */
  observe: publicProcedure
    .meta(integrationRoutes['charter.observe'])
    .input(charterObservationInputSchema)
    .output(observeOutput)
    .mutation(async ({ ctx, input }) => {
      const { observations, issues, accounts } = await measure(ctx, [input]);
      const [issue] = issues;
      if (issue !== undefined) {
        throw new DomainError({
          code: issue.code,
          kind: notFoundCodes.has(issue.code) ? 'not_found' : 'invalid',
          field: issue.field,
          message: issue.message,
        });
      }
      const [stored] = await insertCharterObservations(ctx.db, observations);
      const observation = stored && (await findCharterObservation(ctx.db, stored.id));
      if (stored === undefined || observation === undefined) {
        throw new Error('an observation just stored could not be read back');
      }
      if (!stored.duplicate) {
        await emitCharterBreaches(ctx, { observations, accounts });
        await judgeNewObservations(ctx.db, { observations, accounts });
      }
      return { observation, duplicate: stored.duplicate };
    }),

  /**
   * Up to 1000 observations, stored all or none: when any row is refused, the 400 names every
   * refused row and field and nothing is stored. Results follow the input order.
   */
  observeBatch: publicProcedure
    .meta(integrationRoutes['charter.observeBatch'])
    .input(charterObservationBatchInputSchema)
    .output(observeBatchOutput)
    .mutation(async ({ ctx, input }) => {
      const { observations, issues, accounts } = await measure(ctx, input.observations);
      if (issues.length > 0) throw refusedBatch(issues);
      const stored = await insertCharterObservations(ctx.db, observations);
      const added = observations.filter((_, index) => stored[index]?.duplicate === false);
      await emitCharterBreaches(ctx, { observations: added, accounts });
      await judgeNewObservations(ctx.db, { observations: added, accounts });
      const duplicates = stored.filter((result) => result.duplicate).length;
      return {
        stored: stored.length - duplicates,
        duplicates,
        results: stored.map((result, index) => ({ index, ...result })),
      };
    }),

  /** An account's observations within [from, to), oldest first. */
  observations: publicProcedure
    .input(listObservationsInputSchema)
    .query(({ ctx, input }) => listCharterObservations(ctx.db, input)),
};
