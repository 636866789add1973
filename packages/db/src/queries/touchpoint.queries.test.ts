import { completeTouchpoint, type Touchpoint } from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  now,
  recordMeasured,
  seedOwnerAndAccount,
  seedPromise,
  testId,
} from '../__tests__/test-database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { changePromise } from './promise.queries.ts';
import {
  changeTouchpoint,
  findTouchpoint,
  insertSuggestedTouchpoints,
  insertTouchpoint,
  lastPromiseTouchAt,
  listAccountIdsAfter,
  listRecentFulfilledPromises,
  listTouchpoints,
  loadTouchpointsSoFar,
} from './touchpoint.queries.ts';

function aTouchpoint(
  scope: { accountId: string; ownerId: string },
  overrides: Partial<Touchpoint> = {},
): Touchpoint {
  return {
    id: testId(),
    accountId: scope.accountId,
    ownerId: scope.ownerId,
    kind: 'anniversary',
    origin: 'rule',
    status: 'suggested',
    dedupeKey: `anniversary:${scope.accountId}:2027`,
    promiseId: null,
    dueAt: '2027-04-30T22:00:00.000Z',
    reason: '3rd anniversary as a customer on 2027-05-01 (customer since 2024-05-01).',
    note: null,
    doneAt: null,
    doneBy: null,
    dismissedAt: null,
    dismissReason: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...overrides,
  };
}

describe.each(databaseKinds)('touchpoint store on %s', (kind) => {
  let database: TestDatabase;
  let scope: { accountId: string; ownerId: string };
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
    const { owner, account } = await seedOwnerAndAccount(database.db);
    scope = { accountId: account.id, ownerId: owner.id };
  });
  afterEach(async () => {
    await database.close();
  });

  async function storedCount(): Promise<number> {
    const row = await database.db
      .selectFrom('touchpoints')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** A promise of the seeded account, fulfilled at `fulfilledAt`. */
  async function fulfilledPromise(fulfilledAt: string, title = 'Ship the pump'): Promise<string> {
    const made = await seedPromise(database.db, { ...scope, title });
    await changePromise(database.db, made.id, (state) =>
      recordMeasured(
        state,
        {
          expectedVersion: 1,
          occurredAt: fulfilledAt,
          event: { type: 'fulfilled', completeness: 'full', note: null },
        },
        { eventId: testId(), now, actorId: scope.ownerId },
      ),
    );
    return made.id;
  }

  it('stores a suggested moment once: the same dedupe key again stores nothing', async () => {
    const first = aTouchpoint(scope);
    expect(await insertSuggestedTouchpoints(database.db, [first])).toEqual([first]);

    const again = aTouchpoint(scope);
    expect(await insertSuggestedTouchpoints(database.db, [again])).toEqual([]);
    expect(await storedCount()).toBe(1);
    expect(await findTouchpoint(database.db, first.id)).toEqual(first);
  });

  it('stores a moment once however many suggesters run at the same time', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        insertSuggestedTouchpoints(database.db, [aTouchpoint(scope)]),
      ),
    );

    expect(results.filter((stored) => stored.length === 1)).toHaveLength(1);
    expect(await storedCount()).toBe(1);
  });

  it('keeps the same moment apart for different accounts', async () => {
    const other = await seedOwnerAndAccount(database.db);
    const otherScope = { accountId: other.account.id, ownerId: other.owner.id };
    const key = 'check_in:same';

    await insertSuggestedTouchpoints(database.db, [aTouchpoint(scope, { dedupeKey: key })]);
    const stored = await insertSuggestedTouchpoints(database.db, [
      aTouchpoint(otherScope, { dedupeKey: key }),
    ]);
    expect(stored).toHaveLength(1);
    expect(await storedCount()).toBe(2);
  });

  it('changes a touchpoint at the version read, and refuses a stale one naming the current version', async () => {
    const suggested = aTouchpoint(scope);
    await insertSuggestedTouchpoints(database.db, [suggested]);
    const complete = (touchpoint: Touchpoint, expectedVersion: number) =>
      completeTouchpoint(
        touchpoint,
        { expectedVersion, note: 'Card sent' },
        { now, actorId: scope.ownerId },
      );

    const done = await changeTouchpoint(database.db, suggested.id, (t) => complete(t, 1));
    expect(await findTouchpoint(database.db, suggested.id)).toEqual(done);
    expect(done).toMatchObject({ status: 'done', version: 2, doneBy: scope.ownerId });

    // A writer that decided from version 1 anyway must lose.
    const stale = changeTouchpoint(database.db, suggested.id, () => complete(suggested, 1));
    await expect(stale).rejects.toMatchObject({
      code: 'version_conflict',
      details: { currentVersion: 2 },
    });
    expect(await findTouchpoint(database.db, suggested.id)).toEqual(done);
  });

  it('lets exactly one of two concurrent completions win', async () => {
    const suggested = aTouchpoint(scope);
    await insertSuggestedTouchpoints(database.db, [suggested]);

    const attempts = await Promise.allSettled(
      ['First', 'Second'].map((note) =>
        changeTouchpoint(database.db, suggested.id, (t) =>
          completeTouchpoint(t, { expectedVersion: 1, note }, { now, actorId: scope.ownerId }),
        ),
      ),
    );

    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const loser = attempts.find((a) => a.status === 'rejected');
    expect(loser?.status === 'rejected' && loser.reason).toMatchObject({ kind: 'conflict' });
    expect(await findTouchpoint(database.db, suggested.id)).toMatchObject({ version: 2 });
  });

  it('answers a change of an unknown touchpoint with touchpoint_not_found', async () => {
    const missing = changeTouchpoint(database.db, testId(), (t) => t);
    await expect(missing).rejects.toMatchObject({
      code: 'touchpoint_not_found',
      field: 'touchpointId',
    });
  });

  it('lists by account, owner and status, soonest first, a page at a time', async () => {
    const later = aTouchpoint(scope, { dedupeKey: 'a', dueAt: '2026-12-05T00:00:00.000Z' });
    const sooner = aTouchpoint(scope, { dedupeKey: 'b', dueAt: '2026-11-20T00:00:00.000Z' });
    const done = aTouchpoint(scope, {
      dedupeKey: 'c',
      dueAt: '2026-11-01T00:00:00.000Z',
      status: 'done',
      doneAt: '2026-11-01T00:00:00.000Z',
    });
    await insertSuggestedTouchpoints(database.db, [later, sooner, done]);
    const other = await seedOwnerAndAccount(database.db);
    await insertSuggestedTouchpoints(database.db, [
      aTouchpoint({ accountId: other.account.id, ownerId: other.owner.id }),
    ]);

    const ids = (list: Touchpoint[]) => list.map((t) => t.id);
    expect(
      ids(await listTouchpoints(database.db, { accountId: scope.accountId, limit: 10 })),
    ).toEqual([done.id, sooner.id, later.id]);
    expect(
      ids(
        await listTouchpoints(database.db, {
          ownerId: scope.ownerId,
          status: 'suggested',
          limit: 10,
        }),
      ),
    ).toEqual([sooner.id, later.id]);
    expect(
      ids(
        await listTouchpoints(database.db, {
          accountId: scope.accountId,
          after: { dueAt: sooner.dueAt, id: sooner.id },
          limit: 10,
        }),
      ),
    ).toEqual([later.id]);
  });

  it('reads the touchpoints the rules need: recent ones, those naming a promise, the waiting check-in, the last done and the last dismissed check-in', async () => {
    const promiseId = await fulfilledPromise('2026-11-22T10:00:00.000Z');
    const old = (overrides: Partial<Touchpoint>) =>
      aTouchpoint(scope, { dueAt: '2025-01-01T00:00:00.000Z', ...overrides });
    const wanted = {
      recent: aTouchpoint(scope, { dedupeKey: 'recent', dueAt: '2026-11-01T00:00:00.000Z' }),
      naming: old({ dedupeKey: 'naming', kind: 'thank_you_after_fulfilment', promiseId }),
      waiting: old({ dedupeKey: 'waiting', kind: 'neglected_check_in' }),
      lastDone: old({ dedupeKey: 'done-2', status: 'done', doneAt: '2025-03-01T00:00:00.000Z' }),
      lastDismissed: old({
        dedupeKey: 'dismissed-2',
        kind: 'neglected_check_in',
        status: 'dismissed',
        dismissedAt: '2025-04-01T00:00:00.000Z',
      }),
    };
    const unwanted = [
      old({ dedupeKey: 'old', status: 'dismissed', dismissedAt: '2025-05-01T00:00:00.000Z' }),
      old({ dedupeKey: 'done-1', status: 'done', doneAt: '2025-02-01T00:00:00.000Z' }),
      old({
        dedupeKey: 'dismissed-1',
        kind: 'neglected_check_in',
        status: 'dismissed',
        dismissedAt: '2025-03-15T00:00:00.000Z',
      }),
    ];
    await insertSuggestedTouchpoints(database.db, [...Object.values(wanted), ...unwanted]);

    const soFar = await loadTouchpointsSoFar(database.db, {
      accountId: scope.accountId,
      since: '2026-06-01T00:00:00.000Z',
      promiseIds: [promiseId],
    });

    expect(soFar.map((t) => t.dedupeKey).sort()).toEqual(
      Object.values(wanted)
        .map((t) => t.dedupeKey)
        .sort(),
    );
  });

  it('reads recent fulfilments, latest first, each with its ordinal among all the account’s fulfilled promises', async () => {
    await fulfilledPromise('2026-11-21T10:00:00.000Z', 'first');
    await seedPromise(database.db, scope); // still open: not counted
    await fulfilledPromise('2026-11-23T10:00:00.000Z', 'third');
    await fulfilledPromise('2026-11-22T10:00:00.000Z', 'second');
    await fulfilledPromise('2026-11-24T09:00:00.000Z', 'fourth');
    const other = await seedOwnerAndAccount(database.db);
    const made = await seedPromise(database.db, {
      accountId: other.account.id,
      ownerId: other.owner.id,
    });
    await changePromise(database.db, made.id, (state) =>
      recordMeasured(
        state,
        { expectedVersion: 1, event: { type: 'fulfilled', completeness: 'full', note: null } },
        { eventId: testId(), now, actorId: null },
      ),
    );

    const recent = await listRecentFulfilledPromises(database.db, {
      accountId: scope.accountId,
      since: '2026-11-22T00:00:00.000Z',
      limit: 2,
    });

    expect(recent.map((p) => [p.title, p.ordinal, p.fulfilledAt, p.importance])).toEqual([
      ['fourth', 4, '2026-11-24T09:00:00.000Z', 'normal'],
      ['third', 3, '2026-11-23T10:00:00.000Z', 'normal'],
    ]);
  });

  it('knows the last time a promise was made or fulfilled for the account', async () => {
    expect(await lastPromiseTouchAt(database.db, scope.accountId)).toBeNull();
    await fulfilledPromise('2026-11-23T10:00:00.000Z'); // made on 20 November
    expect(await lastPromiseTouchAt(database.db, scope.accountId)).toBe('2026-11-23T10:00:00.000Z');
    await seedPromise(database.db, { ...scope, madeAt: '2026-11-24T08:00:00Z' });
    expect(await lastPromiseTouchAt(database.db, scope.accountId)).toBe('2026-11-24T08:00:00.000Z');
  });

  it('stores a logged touchpoint and pages through accounts in id order', async () => {
    const logged = aTouchpoint(scope, {
      origin: 'person',
      status: 'done',
      dedupeKey: 'logged:x',
      kind: 'referral',
      doneAt: now,
    });
    await insertTouchpoint(database.db, logged);
    expect(await findTouchpoint(database.db, logged.id)).toEqual(logged);

    const other = await seedOwnerAndAccount(database.db);
    expect(await listAccountIdsAfter(database.db, { limit: 1 })).toEqual([scope.accountId]);
    expect(await listAccountIdsAfter(database.db, { afterId: scope.accountId, limit: 5 })).toEqual([
      other.account.id,
    ]);
  });
});
