import { inTransaction } from '@steadfast/db';
import { recordPromiseEvent } from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../__tests__/rejections.ts';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import { anAccount, aPromise, aTokenCaller, outboxRows } from '../__tests__/webhook-builders.ts';
import { analysedChange } from '../analytics/analysed-change.ts';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { sweepAccountRisk } from '../background/risk-sweep.job.ts';
import { changePromiseAndNotify } from './promise-change.ts';
import { scheduleCharterReviewsDue } from './review-due.ts';

const everyType = [
  'promise.at_risk',
  'promise.missed',
  'promise.fulfilled',
  'charter.breached',
  'charter.review_due',
] as const;

const responseTerm = {
  metric: 'first_response_time' as const,
  target: { amount: 4, unit: 'business_hours' as const },
  threshold: 0.95,
};

describe('webhook events are written to the outbox with the change that causes them', () => {
  let api: TestApi;
  let accountId: string;
  beforeEach(async () => {
    api = await createTestApi('2026-11-24T10:00:00.000Z');
    accountId = await anAccount(api);
  });
  afterEach(async () => {
    await api.close();
  });

  async function subscribe(
    eventTypes: readonly (typeof everyType)[number][] = everyType,
    accountIds: string[] | null = null,
  ) {
    const crm = await aTokenCaller(api);
    const created = await crm.caller.webhook.create({
      url: 'https://crm.example.com/in',
      eventTypes: [...eventTypes],
      accountIds,
    });
    return { ...crm, subscription: created.subscription };
  }

  it('a fulfilled promise is one promise.fulfilled row with the payload a receiver gets', async () => {
    const { subscription } = await subscribe();
    const promise = await aPromise(api, accountId);
    api.clock.now = '2026-11-24T15:00:00.000Z';
    await api.caller.promise.recordEvent({
      promiseId: promise.id,
      expectedVersion: 1,
      event: { type: 'fulfilled', completeness: 'full' },
    });
    const rows = await outboxRows(api);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      subscription_id: subscription.id,
      event_type: 'promise.fulfilled',
      account_id: accountId,
      status: 'pending',
      attempts: 0,
      next_attempt_at: '2026-11-24T15:00:00.000Z',
    });
    expect(rows[0]?.message_id).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(JSON.parse(rows[0]?.payload ?? '')).toEqual({
      type: 'promise.fulfilled',
      timestamp: '2026-11-24T15:00:00.000Z',
      data: expect.objectContaining({
        promiseId: promise.id,
        accountId,
        status: 'fulfilled',
        title: 'Replacement compressor',
        version: 2,
      }),
    });
  });

  it('a missed promise is promise.missed; progress on a promise is nothing', async () => {
    await subscribe();
    const promise = await aPromise(api, accountId);
    await api.caller.promise.recordEvent({
      promiseId: promise.id,
      expectedVersion: 1,
      event: { type: 'progress', milestone: 'Handed to the carrier' },
    });
    expect(await outboxRows(api)).toEqual([]);
    await api.caller.promise.recordEvent({
      promiseId: promise.id,
      expectedVersion: 2,
      event: { type: 'missed' },
    });
    expect((await outboxRows(api)).map((row) => row.event_type)).toEqual(['promise.missed']);
  });

  it('a refused change leaves no outbox row', async () => {
    await subscribe();
    const promise = await aPromise(api, accountId);
    const stale = await rejection(
      api.caller.promise.recordEvent({
        promiseId: promise.id,
        expectedVersion: 7,
        event: { type: 'fulfilled', completeness: 'full' },
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    await api.caller.promise.recordEvent({
      promiseId: promise.id,
      expectedVersion: 1,
      event: { type: 'missed' },
    });
    const illegal = await rejection(
      api.caller.promise.recordEvent({
        promiseId: promise.id,
        expectedVersion: 2,
        event: { type: 'fulfilled', completeness: 'full' },
      }),
    );
    expect(illegal.code).toBe('UNPROCESSABLE_CONTENT');
    expect((await outboxRows(api)).map((row) => row.event_type)).toEqual(['promise.missed']);
  });

  it('a change rolled back after its events were written takes them with it', async () => {
    await subscribe();
    const promise = await aPromise(api, accountId);
    const { settings } = await loadAnalyticsSettings(api.db);
    const failed = inTransaction(api.db, async (trx) => {
      await changePromiseAndNotify(
        { db: trx, now: () => api.clock.now, newId: api.newId },
        promise.id,
        (state) =>
          analysedChange(
            state,
            recordPromiseEvent(
              state,
              {
                expectedVersion: 1,
                event: { type: 'fulfilled', completeness: 'full', note: null },
              },
              { eventId: api.newId(), now: api.clock.now, actorId: null },
            ),
            { calendar: settings.companyCalendar, settings },
          ),
      );
      expect(await outboxRows({ ...api, db: trx } as TestApi)).toHaveLength(1);
      throw new Error('a later step of the same write failed');
    });
    await expect(failed).rejects.toThrow('a later step of the same write failed');
    expect(await outboxRows(api)).toEqual([]);
    expect((await api.caller.promise.get({ id: promise.id })).promise.status).toBe('open');
  });

  it('the risk sweep flagging a promise at risk writes promise.at_risk once', async () => {
    await subscribe(['promise.at_risk']);
    const promise = await aPromise(api, accountId);
    // Two days on, its due has passed: no chance of keeping it on time.
    api.clock.now = '2026-11-26T10:00:00.000Z';
    const context = { db: api.db, now: () => api.clock.now, newId: api.newId };
    expect(await sweepAccountRisk({ accountId }, context)).toEqual({ flagged: 1 });
    expect(await sweepAccountRisk({ accountId }, context)).toEqual({ flagged: 0 });
    const rows = await outboxRows(api);
    expect(rows.map((row) => row.event_type)).toEqual(['promise.at_risk']);
    expect(JSON.parse(rows[0]?.payload ?? '').data).toMatchObject({
      promiseId: promise.id,
      reason: expect.any(String),
    });
  });

  it('goes only to subscriptions of its type and, when they name accounts, of its account', async () => {
    const otherAccountId = await anAccount(api, 'Contoso');
    const missedOnly = await subscribe(['promise.missed']);
    const fulfilledOnly = await subscribe(['promise.fulfilled']);
    const otherAccountOnly = await subscribe(['promise.missed'], [otherAccountId]);
    const thisAccountOnly = await subscribe(['promise.missed'], [accountId]);
    const disabled = await subscribe(['promise.missed']);
    await disabled.caller.webhook.disable({ id: disabled.subscription.id });

    const promise = await aPromise(api, accountId);
    await api.caller.promise.recordEvent({
      promiseId: promise.id,
      expectedVersion: 1,
      event: { type: 'missed' },
    });
    const rows = await outboxRows(api);
    expect(rows.map((row) => row.subscription_id).sort()).toEqual(
      [missedOnly.subscription.id, thisAccountOnly.subscription.id].sort(),
    );
    // One event, one id: every subscription gets it as the same message.
    expect(new Set(rows.map((row) => row.message_id)).size).toBe(1);
    expect(rows.map((row) => row.subscription_id)).not.toContain(fulfilledOnly.subscription.id);
    expect(rows.map((row) => row.subscription_id)).not.toContain(otherAccountOnly.subscription.id);
  });

  it('an observation over its term target is charter.breached; within target or a duplicate is not', async () => {
    await subscribe(['charter.breached']);
    const charter = await api.caller.charter.save({
      accountId,
      expectedVersion: 0,
      terms: [responseTerm],
    });
    const termId = charter.current.terms[0]?.id ?? '';
    const over = { accountId, termId, reference: 'TICKET-1', businessMinutes: 300 };
    await api.caller.charter.observe(over);
    await api.caller.charter.observe(over);
    await api.caller.charter.observe({
      accountId,
      termId,
      reference: 'TICKET-2',
      businessMinutes: 90,
    });
    await api.caller.charter.observeBatch({
      observations: [
        { accountId, termId, reference: 'TICKET-1', businessMinutes: 300 },
        { accountId, termId, reference: 'TICKET-3', businessMinutes: 241 },
        { accountId, termId, reference: 'TICKET-4', businessMinutes: 10 },
      ],
    });
    const rows = await outboxRows(api);
    expect(rows.map((row) => JSON.parse(row.payload).data.reference)).toEqual([
      'TICKET-1',
      'TICKET-3',
    ]);
    expect(JSON.parse(rows[0]?.payload ?? '').data).toMatchObject({
      termId,
      measured: 300,
      limit: 240,
      over: 60,
      unit: 'business_minutes',
    });
  });

  it('a refused observation batch writes no breach', async () => {
    await subscribe(['charter.breached']);
    const charter = await api.caller.charter.save({
      accountId,
      expectedVersion: 0,
      terms: [responseTerm],
    });
    const termId = charter.current.terms[0]?.id ?? '';
    await rejection(
      api.caller.charter.observeBatch({
        observations: [
          { accountId, termId, reference: 'TICKET-1', businessMinutes: 300 },
          { accountId, termId: accountId, reference: 'TICKET-2', businessMinutes: 300 },
        ],
      }),
    );
    expect(await outboxRows(api)).toEqual([]);
  });

  it('a charter review coming due is announced once per review date, only to those listening then', async () => {
    const early = await subscribe(['charter.review_due']);
    await api.caller.charter.save({
      accountId,
      expectedVersion: 0,
      terms: [responseTerm],
      reviewEveryMonths: 1,
    });
    const context = { db: api.db, now: () => api.clock.now, newId: api.newId };
    expect(await scheduleCharterReviewsDue(context)).toBe(0);
    api.clock.now = '2026-12-24T11:00:00.000Z';
    // Subscribed after the review came due: it was not listening then.
    const late = await subscribe(['charter.review_due']);
    expect(await scheduleCharterReviewsDue(context)).toBe(1);
    expect(await scheduleCharterReviewsDue(context)).toBe(0);
    const rows = await outboxRows(api);
    expect(rows.map((row) => row.subscription_id)).toEqual([early.subscription.id]);
    expect(rows.map((row) => row.subscription_id)).not.toContain(late.subscription.id);
    expect(JSON.parse(rows[0]?.payload ?? '')).toEqual({
      type: 'charter.review_due',
      timestamp: '2026-12-24T10:00:00.000Z',
      data: {
        accountId,
        charterVersion: 1,
        lastReviewedAt: null,
        nextReviewAt: '2026-12-24T10:00:00.000Z',
      },
    });
  });
});
