import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../__tests__/rejections.ts';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import { fieldErrorsOf } from '../error-formatter.ts';

async function tableCount(
  api: TestApi,
  table: 'promises' | 'promise_events' | 'accounts',
): Promise<number> {
  const row = await api.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('promise router', () => {
  let api: TestApi;
  let accountId: string;
  beforeEach(async () => {
    api = await createTestApi();
    const account = await api.caller.account.create({
      name: 'Northwind',
      ownerId: api.ownerId,
      stage: 'active',
      timeZone: 'Europe/Berlin',
    });
    accountId = account.id;
  });
  afterEach(async () => {
    await api.close();
  });

  const makeInput = () => ({
    accountId,
    ownerId: api.ownerId,
    kind: 'delivery' as const,
    title: 'Deliver 40 pallets of grout',
    due: {
      kind: 'window' as const,
      earliest: '2026-12-01T08:00:00Z',
      latest: '2026-12-03T17:00:00Z',
    },
  });

  it('makes a promise, records its life, and derives its state', async () => {
    const made = await api.caller.promise.create(makeInput());
    expect(made).toMatchObject({
      status: 'open',
      version: 1,
      terms: { importance: 'normal', madeAt: api.clock.now },
    });

    api.clock.now = '2026-12-01T09:00:00.000Z';
    const flagged = await api.caller.promise.recordEvent({
      promiseId: made.id,
      expectedVersion: 1,
      event: { type: 'at_risk_flagged', reason: 'Supplier is two days late' },
    });
    const informed = await api.caller.promise.recordEvent({
      promiseId: made.id,
      expectedVersion: flagged.version,
      event: {
        type: 'customer_informed',
        channel: 'phone',
        alternativesOffered: ['Partial delivery of 20 pallets now'],
        apologised: true,
      },
    });
    const renegotiated = await api.caller.promise.recordEvent({
      promiseId: made.id,
      expectedVersion: informed.version,
      event: {
        type: 'renegotiated',
        newDue: { kind: 'point', at: '2026-12-08T12:00:00Z' },
        reason: 'Supplier delay',
      },
    });
    api.clock.now = '2026-12-07T15:00:00.000Z';
    const fulfilled = await api.caller.promise.recordEvent({
      promiseId: made.id,
      expectedVersion: renegotiated.version,
      event: { type: 'fulfilled', completeness: 'full' },
    });

    expect(fulfilled).toMatchObject({
      status: 'fulfilled',
      version: 5,
      fulfilledAt: '2026-12-07T15:00:00.000Z',
    });
    expect(fulfilled.renegotiations[0]).toMatchObject({
      beforeDue: true,
      reason: 'Supplier delay',
    });
    const { promise, events } = await api.caller.promise.get({ id: made.id });
    expect(promise).toEqual(fulfilled);
    expect(events.map((e) => e.type)).toEqual([
      'made',
      'at_risk_flagged',
      'customer_informed',
      'renegotiated',
      'fulfilled',
    ]);
  });

  it('answers bad input with BAD_REQUEST naming the field and the rule, and stores nothing', async () => {
    const error = await rejection(
      api.caller.promise.create({
        ...makeInput(),
        title: '',
        due: { kind: 'window', earliest: '2026-12-05T08:00:00Z', latest: '2026-12-03T17:00:00Z' },
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    const issues = (error.cause as { issues?: Parameters<typeof fieldErrorsOf>[0] }).issues ?? [];
    expect(fieldErrorsOf(issues)).toEqual({
      title: ['must not be empty'],
      'due.latest': ['must not be before earliest'],
    });
    expect(await tableCount(api, 'promises')).toBe(0);
  });

  it('answers a due before the promise was made with BAD_REQUEST on due.latest', async () => {
    const error = await rejection(
      api.caller.promise.create({
        ...makeInput(),
        due: { kind: 'window', earliest: '2026-11-01T08:00:00Z', latest: '2026-11-02T17:00:00Z' },
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.cause).toMatchObject({ code: 'due_before_made', field: 'due.latest' });
    expect(await tableCount(api, 'promise_events')).toBe(0);
  });

  it('answers an unknown account with NOT_FOUND on accountId', async () => {
    const error = await rejection(
      api.caller.promise.create({
        ...makeInput(),
        accountId: '00000000-0000-7000-8000-0000000000ff',
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(error.cause).toMatchObject({ code: 'account_not_found', field: 'accountId' });
  });

  it('answers an illegal transition with UNPROCESSABLE_CONTENT and changes nothing', async () => {
    const made = await api.caller.promise.create(makeInput());
    const cancelled = await api.caller.promise.recordEvent({
      promiseId: made.id,
      expectedVersion: 1,
      event: { type: 'cancelled', reason: 'Order withdrawn' },
    });

    const error = await rejection(
      api.caller.promise.recordEvent({
        promiseId: made.id,
        expectedVersion: cancelled.version,
        event: { type: 'fulfilled', completeness: 'full' },
      }),
    );
    expect(error.code).toBe('UNPROCESSABLE_CONTENT');
    expect(error.cause).toMatchObject({ code: 'promise_closed' });
    expect(await tableCount(api, 'promise_events')).toBe(2);
  });

  it('answers a stale version with CONFLICT naming the current version', async () => {
    const made = await api.caller.promise.create(makeInput());
    await api.caller.promise.recordEvent({
      promiseId: made.id,
      expectedVersion: 1,
      event: { type: 'progress', milestone: 'Picked' },
    });

    const error = await rejection(
      api.caller.promise.recordEvent({
        promiseId: made.id,
        expectedVersion: 1,
        event: { type: 'progress', milestone: 'Packed' },
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.cause).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
  });

  it('lists due today, overdue and at risk in the caller’s time zone', async () => {
    // 10:00 UTC is 11:00 in Berlin; today there ends at 23:00 UTC.
    const dueTonight = await api.caller.promise.create({
      ...makeInput(),
      title: 'Call back about invoice',
      kind: 'callback',
      due: { kind: 'point', at: '2026-11-24T22:30:00Z' },
    });
    const dueTomorrow = await api.caller.promise.create({
      ...makeInput(),
      title: 'Send quote',
      kind: 'quote',
      due: { kind: 'point', at: '2026-11-24T23:30:00Z' },
    });
    api.clock.now = '2026-11-24T12:00:00.000Z';
    const overdue = await api.caller.promise.create({
      ...makeInput(),
      title: 'Reply to complaint',
      kind: 'response',
      madeAt: '2026-11-24T10:30:00Z',
      due: { kind: 'point', at: '2026-11-24T11:00:00Z' },
    });
    await api.caller.promise.recordEvent({
      promiseId: dueTomorrow.id,
      expectedVersion: 1,
      event: { type: 'at_risk_flagged', reason: 'Pricing not approved' },
    });

    const ids = async (view: 'due_today' | 'overdue' | 'at_risk', timeZone = 'Europe/Berlin') =>
      (await api.caller.promise.list({ view, timeZone })).items.map((p) => p.id);
    expect(await ids('due_today')).toEqual([overdue.id, dueTonight.id]);
    expect(await ids('due_today', 'UTC')).toEqual([overdue.id, dueTonight.id, dueTomorrow.id]);
    expect(await ids('overdue')).toEqual([overdue.id]);
    expect(await ids('at_risk')).toEqual([dueTomorrow.id]);
  });

  it('never counts a promise whose condition was not met as overdue, nor its release as a slip', async () => {
    const made = await api.caller.promise.create({
      ...makeInput(),
      condition: 'provided the customer sends the signed specs',
      due: { kind: 'point', at: '2026-11-26T17:00:00Z' },
    });
    expect(made.status).toBe('awaiting_condition');
    api.clock.now = '2026-12-10T10:00:00.000Z';
    expect((await api.caller.promise.list({ view: 'overdue' })).items).toEqual([]);

    await api.caller.promise.recordEvent({
      promiseId: made.id,
      expectedVersion: 1,
      event: { type: 'released', reason: 'The customer chose another design' },
    });
    const outcome = await api.caller.promise.outcome({ id: made.id });
    expect(outcome).toMatchObject({ kind: 'released', slips: [] });
  });

  it('pages through a list with nextCursor', async () => {
    for (let day = 1; day <= 5; day += 1) {
      await api.caller.promise.create({
        ...makeInput(),
        title: `Promise ${day}`,
        due: { kind: 'point', at: `2026-12-0${day}T10:00:00Z` },
      });
    }
    const first = await api.caller.promise.list({ accountId, limit: 2 });
    expect(first.items.map((p) => p.title)).toEqual(['Promise 1', 'Promise 2']);
    const cursor = first.nextCursor;
    if (cursor === null) throw new Error('expected a next page');
    const rest = await api.caller.promise.list({ accountId, limit: 10, cursor });
    expect(rest.items.map((p) => p.title)).toEqual(['Promise 3', 'Promise 4', 'Promise 5']);
    expect(rest.nextCursor).toBeNull();
  });

  it('rejects a forged cursor with BAD_REQUEST on cursor', async () => {
    const error = await rejection(api.caller.promise.list({ cursor: 'not-a-cursor' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.cause).toMatchObject({ field: 'cursor' });
  });
});
