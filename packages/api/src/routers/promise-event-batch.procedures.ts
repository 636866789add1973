import { findAccountsByIds, findPromiseSummaries } from '@steadfast/db';
import {
  type AnalyticsSettings,
  type BusinessCalendar,
  DomainError,
  isDomainError,
  notFound,
  recordPromiseEvent,
  recordPromiseEventBatchInputSchema,
} from '@steadfast/domain';
import { analysedChange } from '../analytics/analysed-change.ts';
import { accountCalendar, loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { integrationRoutes } from '../openapi/integration-routes.ts';
import { recordEventBatchOutput } from '../openapi/promise.schemas.ts';
import { publicProcedure } from '../trpc.ts';
import { changePromisesAndNotify } from '../webhooks/promise-batch-change.ts';

/**
 * The refusal of one item, told as the batch's: the same code and status the single
 * `recordEvent` would give, its field named under the item (`events.3.expectedVersion`).
 */
function refusedItem(error: DomainError, index: number): DomainError {
  return new DomainError({
    code: error.code,
    kind: error.kind,
    field: error.field === undefined ? `events.${index}` : `events.${index}.${error.field}`,
    message: `Event ${index} was refused, so none of the batch was recorded: ${error.message}`,
    details: { ...error.details, index },
  });
}

/** Recording many promises' events at once: merged into the promise router. */
export const promiseEventBatchProcedures = {
  /**
   * Up to 1000 events, each exactly as `recordEvent` records it (version check, projection, trust
   * evidence, webhook outbox), in order and all in one transaction: all or none. The first item
   * refused is named in the error (`events.3.expectedVersion`, with the status the single call
   * would give: 404, 409 or 422) and nothing is recorded. Several events for one promise may be
   * sent in one batch, each at the version the one before it leaves.
   */
  recordEventBatch: publicProcedure
    .meta(integrationRoutes['promise.recordEventBatch'])
    .input(recordPromiseEventBatchInputSchema)
    .output(recordEventBatchOutput)
    .mutation(async ({ ctx, input }) => {
      // The `audited` middleware has opened the transaction: `ctx.db` is it.
      const promiseIds = [...new Set(input.events.map((item) => item.promiseId))];
      const summaries = new Map(
        (await findPromiseSummaries(ctx.db, promiseIds)).map((summary) => [summary.id, summary]),
      );
      const { settings } = await loadAnalyticsSettings(ctx.db);
      const accountIds = [...new Set([...summaries.values()].map((summary) => summary.accountId))];
      const accounts = new Map(
        (await findAccountsByIds(ctx.db, accountIds)).map((account) => [account.id, account]),
      );
      const analysisOf = (promiseId: string, index: number) => {
        const summary = summaries.get(promiseId);
        if (summary === undefined)
          throw refusedItem(notFound('promise', promiseId, 'promiseId'), index);
        const account = accounts.get(summary.accountId);
        const calendar: BusinessCalendar =
          account === undefined ? settings.companyCalendar : accountCalendar(account, settings);
        return { calendar, settings } satisfies {
          calendar: BusinessCalendar;
          settings: AnalyticsSettings;
        };
      };

      const after = await changePromisesAndNotify(
        ctx,
        input.events.map((item, index) => {
          const analysis = analysisOf(item.promiseId, index);
          return {
            promiseId: item.promiseId,
            decide: (current) =>
              analysedChange(
                current,
                recordPromiseEvent(current, item, {
                  eventId: ctx.newId(),
                  now: ctx.now(),
                  actorId: ctx.actorId,
                }),
                analysis,
              ),
          };
        }),
        (error, index) => (isDomainError(error) ? refusedItem(error, index) : error),
      );
      const results = after.map((state, index) => ({
        index,
        promiseId: state.id,
        status: state.status,
        version: state.version,
      }));
      return { recorded: results.length, results };
    }),
};
