import {
  answerRequest,
  type Db,
  findAccount,
  findContact,
  findRequest,
  findUser,
  insertFrictionReport,
  insertRequest,
  insertSatisfactionSignal,
  listFrictionReports,
  listRequests,
  listSatisfactionSignals,
  type PromiseChange,
  tallyFriction,
  tallySatisfaction,
} from '@steadfast/db';
import {
  type Account,
  type AnalyticsSettings,
  acceptRequest,
  acceptRequestInputSchema,
  type BusinessCalendar,
  counterOfferOf,
  counterRequest,
  counterRequestInputSchema,
  DomainError,
  declineRequest,
  declineRequestInputSchema,
  dueOnceConditionMet,
  frictionImpactWeights,
  frictionPolicyKey,
  frictionRankingInputSchema,
  idSchema,
  instantSchema,
  listFrictionInputSchema,
  listRequestsInputSchema,
  listSatisfactionInputSchema,
  type MakePromiseCommand,
  makePromise,
  notFound,
  rankFrictionByPolicy,
  receiveRequest,
  receiveRequestInputSchema,
  recordSatisfactionInputSchema,
  recordSatisfactionSignal,
  reportFriction,
  reportFrictionInputSchema,
  satisfactionSummaryInputSchema,
  satisfactionWindow,
  summariseSatisfaction,
} from '@steadfast/domain';
import { z } from 'zod';
import { analysedChange } from '../analytics/analysed-change.ts';
import { accountCalendar, loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import type { ApiContext } from '../context.ts';
import { decodeKeysetCursor, keysetPage } from '../keyset-page.ts';
import { createRouter, publicProcedure } from '../trpc.ts';

function cursorBefore(cursor: string | undefined) {
  if (cursor === undefined) return undefined;
  const { position, id } = decodeKeysetCursor(cursor);
  return { askedAt: position, id };
}

async function existingAccount(db: Db, accountId: string, field: string): Promise<Account> {
  const account = await findAccount(db, accountId);
  if (account === undefined) throw notFound('account', accountId, field);
  return account;
}

async function existingUser(db: Db, userId: string, field: string): Promise<void> {
  if ((await findUser(db, userId)) === undefined) throw notFound('user', userId, field);
}

/** The account, owner and contact a request names must exist, the contact at that account. */
async function checkRequestReferences(
  db: Db,
  command: { accountId: string; ownerId: string; contactId: string | null },
): Promise<void> {
  await existingAccount(db, command.accountId, 'accountId');
  await existingUser(db, command.ownerId, 'ownerId');
  if (command.contactId === null) return;
  const contact = await findContact(db, command.contactId);
  if (contact === undefined || contact.accountId !== command.accountId) {
    throw new DomainError({
      code: 'contact_not_found',
      kind: 'not_found',
      field: 'contactId',
      message: `There is no contact ${command.contactId} at account ${command.accountId}.`,
    });
  }
}

/** A request with the business calendar of its account (its own, else the company's). */
async function requestInItsCalendar(db: Db, requestId: string) {
  const request = await findRequest(db, requestId);
  if (request === undefined) throw notFound('request', requestId, 'requestId');
  const [account, { settings }] = await Promise.all([
    existingAccount(db, request.accountId, 'requestId'),
    loadAnalyticsSettings(db),
  ]);
  return { request, calendar: accountCalendar(account, settings), settings };
}

interface AnswerContext {
  calendar: BusinessCalendar;
  settings: AnalyticsSettings;
  now: string;
  actorId: string | null;
  promiseId: string;
  eventId: string;
}

/** What answering a request needs: its account's calendar, the settings, the clock and new ids. */
async function answerContext(ctx: ApiContext, requestId: string): Promise<AnswerContext> {
  const { calendar, settings } = await requestInItsCalendar(ctx.db, requestId);
  const ids = { promiseId: ctx.newId(), eventId: ctx.newId() };
  return { calendar, settings, now: ctx.now(), actorId: ctx.actorId, ...ids };
}

/** The promise an answer makes, as the promise path stores it (measured, with its made event). */
function madePromise(command: MakePromiseCommand, context: AnswerContext): PromiseChange {
  const made = makePromise(command, context);
  return analysedChange(null, made, context);
}

export const requestRouter = createRouter({
  create: publicProcedure.input(receiveRequestInputSchema).mutation(async ({ ctx, input }) => {
    await checkRequestReferences(ctx.db, input);
    const request = receiveRequest(input, {
      requestId: ctx.newId(),
      now: ctx.now(),
      actorId: ctx.actorId,
    });
    await insertRequest(ctx.db, request);
    return request;
  }),

  get: publicProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
    const request = await findRequest(ctx.db, input.id);
    if (request === undefined) throw notFound('request', input.id, 'id');
    return request;
  }),

  list: publicProcedure.input(listRequestsInputSchema).query(async ({ ctx, input }) => {
    const items = await listRequests(ctx.db, {
      ...input,
      ownerId: ctx.ownerScope ?? input.ownerId,
      before: cursorBefore(input.cursor),
      limit: input.limit + 1,
    });
    return keysetPage(items, input.limit, (request) => request.askedAt);
  }),

  /** Yes: the request becomes an open promise, stored with the answer in one transaction. */
  accept: publicProcedure.input(acceptRequestInputSchema).mutation(async ({ ctx, input }) => {
    const context = await answerContext(ctx, input.requestId);
    const { request, promise } = await answerRequest(ctx.db, input.requestId, (current) => {
      const accepted = acceptRequest(current, input, context);
      return { request: accepted.request, promise: madePromise(accepted.promise, context) };
    });
    return { request, promise: promise?.state ?? null };
  }),

  /** Not that, but this, provided that: a conditional promise whose clock waits for the condition. */
  counter: publicProcedure.input(counterRequestInputSchema).mutation(async ({ ctx, input }) => {
    const context = await answerContext(ctx, input.requestId);
    const { request, promise } = await answerRequest(ctx.db, input.requestId, (current) => {
      const countered = counterRequest(current, input, context);
      return { request: countered.request, promise: madePromise(countered.promise, context) };
    });
    return { request, promise: promise?.state ?? null };
  }),

  /** No, with the reason the customer was given. */
  decline: publicProcedure.input(declineRequestInputSchema).mutation(async ({ ctx, input }) => {
    const stamp = { now: ctx.now(), actorId: ctx.actorId };
    const { request } = await answerRequest(ctx.db, input.requestId, (current) => ({
      request: declineRequest(current, input, stamp),
      promise: null,
    }));
    return request;
  }),

  /**
   * The due to record with `condition_met` on a countered request's promise: the counter's
   * business duration from the moment the condition is met (default now), in the account's hours.
   */
  counterDue: publicProcedure
    .input(z.object({ requestId: idSchema, conditionMetAt: instantSchema.optional() }))
    .query(async ({ ctx, input }) => {
      const { request, calendar } = await requestInItsCalendar(ctx.db, input.requestId);
      const counter = counterOfferOf(request);
      const metAt = input.conditionMetAt ?? ctx.now();
      return {
        promiseId: counter.promiseId,
        condition: counter.condition,
        within: counter.within,
        conditionMetAt: metAt,
        due: dueOnceConditionMet(counter.within, { calendar, metAt }),
      };
    }),

  /** A policy or procedure got in a customer's way. */
  frictionReport: publicProcedure
    .input(reportFrictionInputSchema)
    .mutation(async ({ ctx, input }) => {
      if (input.accountId !== null) await existingAccount(ctx.db, input.accountId, 'accountId');
      await existingUser(ctx.db, input.reportedById, 'reportedById');
      const report = reportFriction(input, { reportId: ctx.newId(), now: ctx.now() });
      await insertFrictionReport(ctx.db, report);
      return report;
    }),

  frictionList: publicProcedure.input(listFrictionInputSchema).query(({ ctx, input }) =>
    listFrictionReports(ctx.db, {
      ...input,
      policyKey: input.policy === undefined ? undefined : frictionPolicyKey(input.policy),
    }),
  ),

  /** For leadership: which policies cause the most friction (Σ reports × impact weight). */
  frictionRanking: publicProcedure
    .input(frictionRankingInputSchema)
    .query(async ({ ctx, input }) => {
      const { tallies, costs } = await tallyFriction(ctx.db, input);
      return {
        from: input.from ?? null,
        to: input.to ?? null,
        weights: frictionImpactWeights,
        policies: rankFrictionByPolicy(tallies, costs),
      };
    }),

  /** A survey score (any scale, kept on 0..1 too) or the customer's own words. */
  satisfactionRecord: publicProcedure
    .input(recordSatisfactionInputSchema)
    .mutation(async ({ ctx, input }) => {
      await existingAccount(ctx.db, input.accountId, 'accountId');
      const signal = recordSatisfactionSignal(input, {
        signalId: ctx.newId(),
        now: ctx.now(),
        actorId: ctx.actorId,
      });
      await insertSatisfactionSignal(ctx.db, signal);
      return signal;
    }),

  satisfactionList: publicProcedure
    .input(listSatisfactionInputSchema)
    .query(async ({ ctx, input }) => {
      await existingAccount(ctx.db, input.accountId, 'accountId');
      return listSatisfactionSignals(ctx.db, input);
    }),

  /** An account's latest signal and score, and its mean normalised score over the window. */
  satisfactionSummary: publicProcedure
    .input(satisfactionSummaryInputSchema)
    .query(async ({ ctx, input }) => {
      await existingAccount(ctx.db, input.accountId, 'accountId');
      const window = satisfactionWindow(ctx.now(), input.windowDays);
      const upToNow = { accountId: input.accountId, to: window.to, limit: 1 };
      const [tally, [latest], [latestScored]] = await Promise.all([
        tallySatisfaction(ctx.db, { accountId: input.accountId, ...window }),
        listSatisfactionSignals(ctx.db, upToNow),
        listSatisfactionSignals(ctx.db, { ...upToNow, scored: true }),
      ]);
      return summariseSatisfaction({
        accountId: input.accountId,
        window,
        tally,
        latest: latest ?? null,
        latestScored: latestScored ?? null,
      });
    }),
});
