import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fieldErrors, rejection } from '../__tests__/rejections.ts';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';

async function tableCount(
  api: TestApi,
  table: 'promises' | 'requests' | 'friction_reports' | 'satisfaction_signals',
): Promise<number> {
  const row = await api.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('request router: requests and their answers', () => {
  let api: TestApi;
  let accountId: string;
  beforeEach(async () => {
    // Tuesday 24 November 2026, 10:00 UTC; the company works Mon–Fri 09–17 UTC.
    api = await createTestApi('2026-11-24T10:00:00.000Z');
    const account = await api.caller.account.create({ name: 'Northwind', ownerId: api.ownerId });
    accountId = account.id;
  });
  afterEach(async () => {
    await api.close();
  });

  const receive = (overrides: Record<string, unknown> = {}) =>
    api.caller.request.create({
      accountId,
      ownerId: api.ownerId,
      kind: 'delivery',
      title: '40 pallets of grout by Friday',
      wantedBy: { kind: 'point', at: '2026-11-27T16:00:00Z' },
      ...overrides,
    });

  it('receives a request, gets it back and lists it by account and status', async () => {
    const request = await receive();
    expect(request).toMatchObject({ status: 'open', version: 1, askedAt: api.clock.now });

    expect(await api.caller.request.get({ id: request.id })).toEqual(request);
    const open = await api.caller.request.list({ accountId, status: 'open' });
    expect(open.items.map((r) => r.id)).toEqual([request.id]);
    expect((await api.caller.request.list({ status: 'declined' })).items).toEqual([]);
  });

  it('accepting makes an open promise linked to the request, due when the customer wanted it', async () => {
    const request = await receive();

    const { request: accepted, promise } = await api.caller.request.accept({
      requestId: request.id,
      expectedVersion: 1,
    });

    expect(accepted).toMatchObject({ status: 'accepted', version: 2 });
    expect(accepted.answer).toMatchObject({ type: 'accepted', promiseId: promise?.id });
    const stored = await api.caller.promise.get({ id: promise?.id ?? '' });
    expect(stored.promise).toMatchObject({
      status: 'open',
      clockStartedAt: api.clock.now,
      due: { kind: 'point', at: '2026-11-27T16:00:00.000Z' },
      terms: { accountId, title: '40 pallets of grout by Friday', condition: null },
    });
  });

  it('countering makes a promise that awaits its condition; its clock starts only when it is met', async () => {
    const request = await receive();
    const { request: countered, promise } = await api.caller.request.counter({
      requestId: request.id,
      expectedVersion: 1,
      offer: 'All 40 pallets',
      condition: 'provided the customer sends the signed specs',
      within: { amount: 10, unit: 'business_days' },
    });
    const promiseId = promise?.id ?? '';
    expect(countered.answer).toMatchObject({
      type: 'countered',
      promiseId,
      offer: 'All 40 pallets',
    });
    expect(promise).toMatchObject({
      status: 'awaiting_condition',
      clockStartedAt: null,
      terms: { condition: 'provided the customer sends the signed specs' },
    });

    api.clock.now = '2026-11-30T14:00:00.000Z';
    expect((await api.caller.promise.get({ id: promiseId })).promise.clockStartedAt).toBeNull();
    const { due } = await api.caller.request.counterDue({ requestId: request.id });
    expect(due).toEqual({ kind: 'point', at: '2026-12-14T14:00:00.000Z' });
    const met = await api.caller.promise.recordEvent({
      promiseId,
      expectedVersion: 1,
      event: { type: 'condition_met', newDue: due },
    });

    expect(met).toMatchObject({
      status: 'open',
      clockStartedAt: '2026-11-30T14:00:00.000Z',
      due: { kind: 'point', at: '2026-12-14T14:00:00.000Z' },
    });
  });

  it('declining stores the reason given to the customer, and makes no promise', async () => {
    const request = await receive();
    const reason = 'We only deliver grout in full truckloads of 60 pallets.';

    const declined = await api.caller.request.decline({
      requestId: request.id,
      expectedVersion: 1,
      reason,
    });

    expect(declined).toMatchObject({ status: 'declined', answer: { type: 'declined', reason } });
    expect(await api.caller.request.get({ id: request.id })).toEqual(declined);
    expect(await tableCount(api, 'promises')).toBe(0);
    const noCondition = await rejection(api.caller.request.counterDue({ requestId: request.id }));
    expect(noCondition.code).toBe('UNPROCESSABLE_CONTENT');
    expect(noCondition.cause).toMatchObject({ code: 'request_not_countered' });
  });

  it('refuses to answer a request twice with UNPROCESSABLE_CONTENT, changing nothing', async () => {
    const request = await receive();
    await api.caller.request.accept({ requestId: request.id, expectedVersion: 1 });

    const error = await rejection(
      api.caller.request.decline({
        requestId: request.id,
        expectedVersion: 2,
        reason: 'Changed our minds about the pallets.',
      }),
    );

    expect(error.code).toBe('UNPROCESSABLE_CONTENT');
    expect(error.cause).toMatchObject({ code: 'request_already_answered' });
    expect(await api.caller.request.get({ id: request.id })).toMatchObject({ status: 'accepted' });
    expect(await tableCount(api, 'promises')).toBe(1);
  });

  it('answers a stale version with CONFLICT naming the current version, and makes no promise', async () => {
    const request = await receive();
    await api.caller.request.decline({
      requestId: request.id,
      expectedVersion: 1,
      reason: 'That grout is no longer made.',
    });

    const error = await rejection(
      api.caller.request.accept({ requestId: request.id, expectedVersion: 1 }),
    );

    expect(error.code).toBe('CONFLICT');
    expect(error.cause).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    expect(await tableCount(api, 'promises')).toBe(0);
  });

  it('answers a bare "no" with BAD_REQUEST naming the reason and the rule', async () => {
    const request = await receive();

    const error = await rejection(
      api.caller.request.decline({ requestId: request.id, expectedVersion: 1, reason: 'No.' }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrors(error)).toEqual({
      reason: ['must tell the customer why in plain words (at least three words), not just "no"'],
    });
    expect(await api.caller.request.get({ id: request.id })).toMatchObject({ status: 'open' });
  });

  it('answers a counter without a condition or time with BAD_REQUEST naming both', async () => {
    const request = await receive();

    const error = await rejection(
      api.caller.request.counter({
        requestId: request.id,
        expectedVersion: 1,
        offer: 'All 40 pallets',
        condition: '',
        within: { amount: 0, unit: 'business_days' },
      }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrors(error)).toEqual({
      condition: ['must not be empty'],
      'within.amount': ['must be more than zero'],
    });
    expect(await tableCount(api, 'promises')).toBe(0);
  });

  it('asks for a due when accepting a request that names no date', async () => {
    const request = await receive({ wantedBy: null });

    const error = await rejection(
      api.caller.request.accept({ requestId: request.id, expectedVersion: 1 }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.cause).toMatchObject({ code: 'due_required', field: 'due' });
  });

  it('answers unknown requests and accounts with NOT_FOUND on the field that named them', async () => {
    const unknown = '00000000-0000-7000-8000-0000000000ff';

    const answering = await rejection(
      api.caller.request.accept({ requestId: unknown, expectedVersion: 1 }),
    );
    const receiving = await rejection(receive({ accountId: unknown }));

    expect(answering.cause).toMatchObject({ code: 'request_not_found', field: 'requestId' });
    expect(receiving.cause).toMatchObject({ code: 'account_not_found', field: 'accountId' });
    expect(await tableCount(api, 'requests')).toBe(0);
  });

  it('pages through requests, most recently asked first', async () => {
    for (const day of [20, 21, 22]) {
      await receive({ title: `Asked on the ${day}th`, askedAt: `2026-11-${day}T09:00:00Z` });
    }

    const first = await api.caller.request.list({ accountId, limit: 2 });
    const rest = await api.caller.request.list({ accountId, cursor: first.nextCursor ?? '' });

    expect(first.items.map((r) => r.title)).toEqual(['Asked on the 22th', 'Asked on the 21th']);
    expect(rest.items.map((r) => r.title)).toEqual(['Asked on the 20th']);
    expect(rest.nextCursor).toBeNull();
  });
});
