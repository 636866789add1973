import {
  acceptRequest,
  acceptRequestInputSchema,
  type CustomerRequest,
  counterRequest,
  counterRequestInputSchema,
  declineRequest,
  declineRequestInputSchema,
  makePromise,
  receiveRequest,
  receiveRequestInputSchema,
  standardBusinessCalendar,
} from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { now, seedOwnerAndAccount, testId, withMeasures } from '../__tests__/test-database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { findPromiseSummary, loadPromiseState } from './promise.queries.ts';
import { answerRequest, findRequest, insertRequest, listRequests } from './request.queries.ts';

const calendar = standardBusinessCalendar('Europe/Berlin');

async function promiseCount(db: TestDatabase['db']): Promise<number> {
  const row = await db
    .selectFrom('promises')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(databaseKinds)('request store on %s', (kind) => {
  let database: TestDatabase;
  let accountId: string;
  let ownerId: string;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
    const { owner, account } = await seedOwnerAndAccount(database.db);
    accountId = account.id;
    ownerId = owner.id;
  });
  afterEach(async () => {
    await database.close();
  });

  async function storedRequest(overrides: Record<string, unknown> = {}): Promise<CustomerRequest> {
    const command = receiveRequestInputSchema.parse({
      accountId,
      ownerId,
      kind: 'delivery',
      title: '40 pallets of grout',
      wantedBy: {
        kind: 'window',
        earliest: '2026-11-27T08:00:00Z',
        latest: '2026-11-27T17:00:00Z',
      },
      askedAt: '2026-11-24T09:00:00Z',
      ...overrides,
    });
    const request = receiveRequest(command, { requestId: testId(), now, actorId: ownerId });
    await insertRequest(database.db, request);
    return request;
  }

  const stamp = () => ({ now, actorId: ownerId, promiseId: testId() });
  const madeChange = (command: Parameters<typeof makePromise>[0], promiseId: string) =>
    withMeasures(makePromise(command, { promiseId, eventId: testId(), now, actorId: ownerId }));

  it('stores a request and reads it back as it was received', async () => {
    const request = await storedRequest();

    expect(await findRequest(database.db, request.id)).toEqual(request);
    expect(await findRequest(database.db, testId())).toBeUndefined();
  });

  it('stores an accept with its promise, linked, in one go', async () => {
    const request = await storedRequest();
    const answer = acceptRequestInputSchema.parse({ requestId: request.id, expectedVersion: 1 });
    const { promiseId } = stamp();

    await answerRequest(database.db, request.id, (current) => {
      const accepted = acceptRequest(current, answer, { ...stamp(), promiseId });
      return { request: accepted.request, promise: madeChange(accepted.promise, promiseId) };
    });

    expect(await findRequest(database.db, request.id)).toMatchObject({
      status: 'accepted',
      version: 2,
      answer: { type: 'accepted', promiseId, answeredAt: now, answeredBy: ownerId },
    });
    const { state } = await loadPromiseState(database.db, promiseId);
    expect(state).toMatchObject({ status: 'open', due: request.wantedBy });
  });

  it('stores a counter-offer with its conditional promise', async () => {
    const request = await storedRequest();
    const answer = counterRequestInputSchema.parse({
      requestId: request.id,
      expectedVersion: 1,
      offer: 'All 40 pallets',
      condition: 'provided the customer sends the signed specs',
      within: { amount: 10, unit: 'business_days' },
    });
    const { promiseId } = stamp();

    await answerRequest(database.db, request.id, (current) => {
      const countered = counterRequest(current, answer, { ...stamp(), promiseId, calendar });
      return { request: countered.request, promise: madeChange(countered.promise, promiseId) };
    });

    expect((await findRequest(database.db, request.id))?.answer).toEqual({
      type: 'countered',
      promiseId,
      offer: 'All 40 pallets',
      condition: 'provided the customer sends the signed specs',
      within: { amount: 10, unit: 'business_days' },
      answeredAt: now,
      answeredBy: ownerId,
    });
    expect(await findPromiseSummary(database.db, promiseId)).toMatchObject({
      status: 'awaiting_condition',
    });
  });

  it('stores a decline with its reason and no promise', async () => {
    const request = await storedRequest();
    const reason = 'We do not deliver grout in pallets under 50.';
    const answer = declineRequestInputSchema.parse({
      requestId: request.id,
      expectedVersion: 1,
      reason,
    });

    await answerRequest(database.db, request.id, (current) => ({
      request: declineRequest(current, answer, stamp()),
      promise: null,
    }));

    expect(await findRequest(database.db, request.id)).toMatchObject({
      status: 'declined',
      answer: { type: 'declined', reason },
    });
    expect(await promiseCount(database.db)).toBe(0);
  });

  it('refuses an answer decided from a stale read, and leaves its promise unwritten', async () => {
    const request = await storedRequest();
    const decline = declineRequestInputSchema.parse({
      requestId: request.id,
      expectedVersion: 1,
      reason: 'The site is outside our delivery area.',
    });
    await answerRequest(database.db, request.id, (current) => ({
      request: declineRequest(current, decline, stamp()),
      promise: null,
    }));

    // A second writer read version 1 before the decline landed and decided to accept.
    const accept = acceptRequestInputSchema.parse({ requestId: request.id, expectedVersion: 1 });
    const { promiseId } = stamp();
    const late = acceptRequest(request, accept, { ...stamp(), promiseId });
    const attempt = answerRequest(database.db, request.id, () => ({
      request: late.request,
      promise: madeChange(late.promise, promiseId),
    }));

    await expect(attempt).rejects.toMatchObject({
      code: 'version_conflict',
      kind: 'conflict',
      details: { currentVersion: 2 },
    });
    expect(await promiseCount(database.db)).toBe(0);
    expect(await findRequest(database.db, request.id)).toMatchObject({ status: 'declined' });
  });

  it('lets exactly one of two concurrent accepts through, with one promise', async () => {
    const request = await storedRequest();
    const accept = acceptRequestInputSchema.parse({ requestId: request.id, expectedVersion: 1 });
    const attempt = () => {
      const { promiseId } = stamp();
      return answerRequest(database.db, request.id, (current) => {
        const accepted = acceptRequest(current, accept, { ...stamp(), promiseId });
        return { request: accepted.request, promise: madeChange(accepted.promise, promiseId) };
      });
    };

    const results = await Promise.allSettled([attempt(), attempt()]);

    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failure = results.find((result) => result.status === 'rejected');
    expect(failure?.reason).toMatchObject({ code: 'version_conflict' });
    expect(await promiseCount(database.db)).toBe(1);
  });

  it('answers an unknown request with request_not_found', async () => {
    const attempt = answerRequest(database.db, testId(), () => {
      throw new Error('never decided');
    });

    await expect(attempt).rejects.toMatchObject({ code: 'request_not_found', field: 'requestId' });
  });

  it('lists requests by account and status, most recently asked first, page by page', async () => {
    const other = await seedOwnerAndAccount(database.db);
    const first = await storedRequest({ askedAt: '2026-11-20T09:00:00Z' });
    const second = await storedRequest({ askedAt: '2026-11-21T09:00:00Z' });
    const third = await storedRequest({ askedAt: '2026-11-22T09:00:00Z' });
    await storedRequest({ accountId: other.account.id, ownerId: other.owner.id });
    await answerRequest(database.db, second.id, (current) => ({
      request: declineRequest(
        current,
        declineRequestInputSchema.parse({
          requestId: second.id,
          expectedVersion: 1,
          reason: 'That colour is discontinued.',
        }),
        stamp(),
      ),
      promise: null,
    }));

    const ids = async (filter: Partial<Parameters<typeof listRequests>[1]>) =>
      (await listRequests(database.db, { accountId, limit: 10, ...filter })).map((r) => r.id);
    expect(await ids({})).toEqual([third.id, second.id, first.id]);
    expect(await ids({ status: 'open' })).toEqual([third.id, first.id]);
    expect(await ids({ status: 'declined' })).toEqual([second.id]);
    expect(await ids({ limit: 1, before: { askedAt: third.askedAt, id: third.id } })).toEqual([
      second.id,
    ]);
  });
});
