import { insertUser } from '@steadfast/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fieldErrors, rejection } from '../__tests__/rejections.ts';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import { anAccount, aPromise, aTokenCaller, outboxRows } from '../__tests__/webhook-builders.ts';
import { createCaller } from '../root.ts';

type BatchItem = Parameters<TestApi['caller']['promise']['recordEventBatch']>[0]['events'][number];

function roundedNumbers<T extends object>(row: T): T {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      typeof value === 'number' ? Number(value.toPrecision(12)) : value,
    ]),
  ) as T;
}

/** What a change of promises leaves in the store, without the ids and times of its own writing. */
async function storedEffects(api: TestApi) {
  const events = await api.db
    .selectFrom('promise_events')
    .selectAll()
    .orderBy('promise_id')
    .orderBy('sequence')
    .execute();
  const promises = await api.db.selectFrom('promises').selectAll().orderBy('id').execute();
  const evidence = await api.db
    .selectFrom('trust_evidence')
    .selectAll()
    .orderBy('scope_type')
    .orderBy('scope_id')
    .execute();
  const contributions = await api.db
    .selectFrom('trust_contributions')
    .selectAll()
    .orderBy('promise_id')
    .orderBy('scope_type')
    .execute();
  const resolutions = await api.db
    .selectFrom('promise_resolutions')
    .selectAll()
    .orderBy('promise_id')
    .execute();
  const days = await api.db
    .selectFrom('trust_contribution_days')
    .selectAll()
    .orderBy('scope_type')
    .orderBy('scope_id')
    .orderBy('day')
    .execute();
  // The dashboards' rollups kept beside the projection.
  const kindDays = await api.db
    .selectFrom('kind_outcome_days')
    .selectAll()
    .orderBy('day')
    .orderBy('kind')
    .execute();
  const lastTouches = await api.db
    .selectFrom('account_last_touches')
    .selectAll()
    .orderBy('account_id')
    .execute();
  const outbox = await outboxRows(api);
  return {
    kindDays,
    lastTouches,
    events: events.map(({ id: _id, ...row }) => row),
    promises,
    // A batch adds its closings' sums once per scope: equal, up to floating-point rounding.
    evidence: evidence.map(roundedNumbers),
    days: days.map(roundedNumbers),
    contributions,
    resolutions,
    outbox: outbox.map((row) => ({
      subscription: row.subscription_id,
      account: row.account_id,
      type: (JSON.parse(String(row.payload)) as { type: string }).type,
    })),
  };
}

async function eventCount(api: TestApi): Promise<number> {
  const row = await api.db
    .selectFrom('promise_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A store with a webhook subscription, an account and three open promises made at 10:00. */
async function aStoreWithPromises() {
  const api = await createTestApi('2026-11-24T10:00:00.000Z');
  const crm = await aTokenCaller(api);
  await crm.caller.webhook.create({
    url: 'https://crm.example.com/in',
    eventTypes: ['promise.at_risk', 'promise.missed', 'promise.fulfilled'],
    accountIds: null,
  });
  const accountId = await anAccount(api);
  const promises = [
    await aPromise(api, accountId),
    await aPromise(api, accountId),
    await aPromise(api, accountId),
  ];
  api.clock.now = '2026-11-24T15:00:00.000Z';
  return { api, crm, promises };
}

describe('promise.recordEventBatch', () => {
  let store: Awaited<ReturnType<typeof aStoreWithPromises>>;
  beforeEach(async () => {
    store = await aStoreWithPromises();
  });
  afterEach(async () => {
    await store.api.close();
  });

  const itemsFor = (ids: readonly string[]): BatchItem[] => {
    const [first = '', second = '', third = ''] = ids;
    return [
      { promiseId: first, expectedVersion: 1, event: { type: 'fulfilled', completeness: 'full' } },
      {
        promiseId: second,
        expectedVersion: 1,
        event: { type: 'at_risk_flagged', reason: 'Carrier strike' },
      },
      { promiseId: third, expectedVersion: 1, event: { type: 'progress', milestone: 'Packed' } },
      { promiseId: second, expectedVersion: 2, event: { type: 'missed', note: 'Never shipped' } },
    ];
  };

  it('leaves the store as the same events recorded one by one would: events, projections, trust evidence, forecasts resolved and webhook outbox', async () => {
    const single = await aStoreWithPromises();
    try {
      const items = itemsFor(single.promises.map((promise) => promise.id));
      for (const item of items) await single.crm.caller.promise.recordEvent(item);

      const answer = await store.crm.caller.promise.recordEventBatch({
        events: itemsFor(store.promises.map((promise) => promise.id)),
      });

      expect(answer.recorded).toBe(4);
      expect(answer.results.map(({ index, status, version }) => [index, status, version])).toEqual([
        [0, 'fulfilled', 2],
        [1, 'open', 2],
        [2, 'open', 2],
        [3, 'missed', 3],
      ]);
      const batched = await storedEffects(store.api);
      expect(batched.events).toHaveLength(3 + 4);
      expect(batched.outbox.map((row) => row.type).sort()).toEqual([
        'promise.at_risk',
        'promise.fulfilled',
        'promise.missed',
      ]);
      expect(batched.contributions.length).toBeGreaterThan(0);
      expect(batched).toEqual(await storedEffects(single.api));
    } finally {
      await single.api.close();
    }
  });

  it('records nothing when an item is at a stale version, naming the item and field with the current version (409)', async () => {
    const before = await storedEffects(store.api);
    const items = itemsFor(store.promises.map((promise) => promise.id));
    const stale = items.map((item, index) =>
      index === 3 ? { ...item, expectedVersion: 1 } : item,
    );

    const error = await rejection(store.crm.caller.promise.recordEventBatch({ events: stale }));

    expect(error.code).toBe('CONFLICT');
    expect(error.cause).toMatchObject({
      code: 'version_conflict',
      field: 'events.3.expectedVersion',
      details: { currentVersion: 2, index: 3 },
    });
    expect(await storedEffects(store.api)).toEqual(before);
  });

  it('records nothing for an unknown promise (404 on events.1.promiseId) or a closed one (422)', async () => {
    const [first, second] = store.promises;
    if (first === undefined || second === undefined) throw new Error('the store has no promises');
    const unknown = await rejection(
      store.crm.caller.promise.recordEventBatch({
        events: [
          { promiseId: first.id, expectedVersion: 1, event: { type: 'cancelled', reason: 'No' } },
          {
            promiseId: '00000000-0000-7000-8000-0000000fffff',
            expectedVersion: 1,
            event: { type: 'fulfilled', completeness: 'full' },
          },
        ],
      }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.cause).toMatchObject({ code: 'promise_not_found', field: 'events.1.promiseId' });

    const closed = await rejection(
      store.crm.caller.promise.recordEventBatch({
        events: [
          { promiseId: second.id, expectedVersion: 1, event: { type: 'cancelled', reason: 'No' } },
          {
            promiseId: second.id,
            expectedVersion: 2,
            event: { type: 'fulfilled', completeness: 'full' },
          },
        ],
      }),
    );
    expect(closed.code).toBe('UNPROCESSABLE_CONTENT');
    expect(closed.cause).toMatchObject({ code: 'promise_closed', field: 'events.1.event.type' });
    expect(await eventCount(store.api)).toBe(3);
  });

  it('answers bad fields with BAD_REQUEST naming every refused item and field, and an over-long batch on events', async () => {
    const [first] = store.promises;
    if (first === undefined) throw new Error('the store has no promises');
    const error = await rejection(
      store.crm.caller.promise.recordEventBatch({
        events: [
          { promiseId: first.id, expectedVersion: 1, event: { type: 'progress', milestone: 'Ok' } },
          { promiseId: first.id, expectedVersion: 0, event: { type: 'cancelled', reason: ' ' } },
        ],
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrors(error)).toEqual({
      'events.1.expectedVersion': ['must be at least 1'],
      'events.1.event.reason': ['must not be empty'],
    });

    const item: BatchItem = {
      promiseId: first.id,
      expectedVersion: 1,
      event: { type: 'progress', milestone: 'Packed' },
    };
    const tooMany = await rejection(
      store.crm.caller.promise.recordEventBatch({
        events: Array.from({ length: 1001 }, () => item),
      }),
    );
    expect(fieldErrors(tooMany)).toEqual({ events: ['must have at most 1000 events'] });
    expect(await eventCount(store.api)).toBe(3);
  });

  it("an account manager naming another manager's promise in a batch is told it does not exist", async () => {
    const otherId = store.api.newId();
    await insertUser(store.api.db, {
      id: otherId,
      name: 'Bo Other',
      email: 'bo@example.com',
      role: 'account_manager',
      createdAt: store.api.clock.now,
    });
    const other = createCaller({
      db: store.api.db,
      now: () => store.api.clock.now,
      newId: store.api.newId,
      actorId: otherId,
    });
    const [first] = store.promises;
    if (first === undefined) throw new Error('the store has no promises');

    const error = await rejection(
      other.promise.recordEventBatch({
        events: [
          { promiseId: first.id, expectedVersion: 1, event: { type: 'progress', milestone: 'X' } },
        ],
      }),
    );

    expect(error.code).toBe('NOT_FOUND');
    expect(error.cause).toMatchObject({ field: 'events.0.promiseId' });
    expect(await eventCount(store.api)).toBe(3);
  });

  it('a token without promises:write may not record a batch', async () => {
    const reader = await aTokenCaller(store.api, ['promises:read'], 'Reader');
    const error = await rejection(
      reader.caller.promise.recordEventBatch({
        events: itemsFor(store.promises.map((promise) => promise.id)),
      }),
    );
    expect(error.code).toBe('FORBIDDEN');
  });
});
