import {
  type Db,
  findAccount,
  findContact,
  findPromiseSummary,
  findUser,
  insertMadePromise,
  inTransaction,
  listPromiseSummaries,
  loadPromiseState,
} from '@steadfast/db';
import {
  type Account,
  type AnalyticsSettings,
  type BusinessCalendar,
  businessMinutesBetween,
  DomainError,
  idSchema,
  isKnownTimeZone,
  type MakePromiseCommand,
  makePromise,
  makePromiseInputSchema,
  notFound,
  promiseKinds,
  promiseOutcome,
  promiseStatuses,
  promiseViewFilter,
  promiseViews,
  recordPromiseEvent,
  recordPromiseEventInputSchema,
} from '@steadfast/domain';
import { z } from 'zod';
import { analysedChange } from '../analytics/analysed-change.ts';
import { accountCalendar, loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { recordCaptureForecast } from '../analytics/forecast-recording.ts';
import { decodeKeysetCursor, keysetPage } from '../keyset-page.ts';
import { integrationRoutes } from '../openapi/integration-routes.ts';
import {
  promisePageOutput,
  promiseStateOutput,
  promiseWithEventsOutput,
} from '../openapi/promise.schemas.ts';
import { createRouter, publicProcedure } from '../trpc.ts';
import { changePromiseAndNotify } from '../webhooks/promise-change.ts';
import { promiseEventBatchProcedures } from './promise-event-batch.procedures.ts';

function cursorAfter(cursor: string | undefined) {
  if (cursor === undefined) return undefined;
  const { position, id } = decodeKeysetCursor(cursor);
  return { dueDeadline: position, id };
}

const listInputSchema = z
  .object({
    view: z.enum(promiseViews).default('all'),
    accountId: idSchema.optional(),
    ownerId: idSchema.optional(),
    kind: z.enum(promiseKinds).optional(),
    status: z.enum(promiseStatuses).optional(),
    /** The caller's time zone, for what "today" means. */
    timeZone: z
      .string()
      .refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Berlin')
      .default('UTC'),
    limit: z.int().min(1, 'must be at least 1').max(500, 'must be at most 500').default(100),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
  })
  .default({ view: 'all', timeZone: 'UTC', limit: 100 });

/**
 * The account, owner and contact a promise names must exist, and the contact must be the
 * account's. Gives the account back.
 */
async function checkReferences(db: Db, command: MakePromiseCommand): Promise<Account> {
  const account = await findAccount(db, command.accountId);
  if (account === undefined) throw notFound('account', command.accountId, 'accountId');
  if ((await findUser(db, command.ownerId)) === undefined) {
    throw notFound('user', command.ownerId, 'ownerId');
  }
  if (command.contactId === null) return account;
  const contact = await findContact(db, command.contactId);
  if (contact === undefined || contact.accountId !== command.accountId) {
    throw new DomainError({
      code: 'contact_not_found',
      kind: 'not_found',
      field: 'contactId',
      message: `There is no contact ${command.contactId} at account ${command.accountId}.`,
    });
  }
  return account;
}

/** The business calendar a stored promise is measured in (its account's, else the company's). */
async function analysisContextOf(
  db: Db,
  promiseId: string,
): Promise<{ calendar: BusinessCalendar; settings: AnalyticsSettings }> {
  const summary = await findPromiseSummary(db, promiseId);
  if (summary === undefined) throw notFound('promise', promiseId, 'promiseId');
  const [account, { settings }] = await Promise.all([
    findAccount(db, summary.accountId),
    loadAnalyticsSettings(db),
  ]);
  const calendar =
    account === undefined ? settings.companyCalendar : accountCalendar(account, settings);
  return { calendar, settings };
}

export const promiseRouter = createRouter({
  create: publicProcedure
    .meta(integrationRoutes['promise.create'])
    .input(makePromiseInputSchema)
    .output(promiseStateOutput)
    .mutation(async ({ ctx, input }) => {
      const account = await checkReferences(ctx.db, input);
      const { settings } = await loadAnalyticsSettings(ctx.db);
      const made = makePromise(input, {
        promiseId: ctx.newId(),
        eventId: ctx.newId(),
        now: ctx.now(),
        actorId: ctx.actorId,
      });
      const calendar = accountCalendar(account, settings);
      const change = analysedChange(null, made, { calendar, settings });
      await inTransaction(ctx.db, async (trx) => {
        await insertMadePromise(trx, change);
        await recordCaptureForecast({
          db: trx,
          state: made.state,
          measures: change.measures,
          settings,
          now: ctx.now(),
          newId: ctx.newId,
        });
      });
      return made.state;
    }),

  get: publicProcedure
    .meta(integrationRoutes['promise.get'])
    .input(z.object({ id: idSchema }))
    .output(promiseWithEventsOutput)
    .query(async ({ ctx, input }) => {
      const { state, events } = await loadPromiseState(ctx.db, input.id);
      return { promise: state, events };
    }),

  /**
   * How the promise turned out (or stands), in its account's business time: early, on time,
   * late by how much, renegotiated and kept, missed, released, cancelled — and whether each slip
   * was announced to the customer before its due.
   */
  outcome: publicProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
    const { calendar } = await analysisContextOf(ctx.db, input.id);
    const { state } = await loadPromiseState(ctx.db, input.id);
    return promiseOutcome(state, {
      businessMinutesBetween: (from, to) => businessMinutesBetween(calendar, from, to),
      now: ctx.now(),
    });
  }),

  list: publicProcedure
    .meta(integrationRoutes['promise.list'])
    .input(listInputSchema)
    .output(promisePageOutput)
    .query(async ({ ctx, input }) => {
      const view = promiseViewFilter(input.view, ctx.now(), input.timeZone);
      const statuses =
        input.status === undefined
          ? view.statuses
          : view.statuses?.includes(input.status) === false
            ? []
            : [input.status];
      const items = await listPromiseSummaries(ctx.db, {
        ...view,
        statuses,
        accountId: input.accountId,
        ownerId: ctx.ownerScope ?? input.ownerId,
        kind: input.kind,
        after: cursorAfter(input.cursor),
        limit: input.limit + 1,
      });
      return keysetPage(items, input.limit, (summary) => summary.dueDeadline);
    }),

  recordEvent: publicProcedure
    .meta(integrationRoutes['promise.recordEvent'])
    .input(recordPromiseEventInputSchema)
    .output(promiseStateOutput)
    .mutation(async ({ ctx, input }) => {
      const analysis = await analysisContextOf(ctx.db, input.promiseId);
      return changePromiseAndNotify(ctx, input.promiseId, (state) => {
        const next = recordPromiseEvent(state, input, {
          eventId: ctx.newId(),
          now: ctx.now(),
          actorId: ctx.actorId,
        });
        return analysedChange(state, next, analysis);
      });
    }),

  ...promiseEventBatchProcedures,
});
