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
import { findAccountLastTouch, rebuildAccountLastTouches } from './account-last-touches.queries.ts';
import { changePromise } from './promise.queries.ts';
import {
  changeTouchpoint,
  insertSuggestedTouchpoints,
  insertTouchpoint,
} from './touchpoint.queries.ts';

function aTouchpoint(
  accountId: string,
  ownerId: string,
  overrides: Partial<Touchpoint>,
): Touchpoint {
  return {
    id: testId(),
    accountId,
    ownerId,
    kind: 'neglected_check_in',
    origin: 'person',
    status: 'suggested',
    dedupeKey: `t:${testId()}`,
    promiseId: null,
    dueAt: now,
    reason: null,
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

describe.each(databaseKinds)('latest touches per account on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
  });
  afterEach(async () => {
    await database.close();
  });

  it('kept on write equals a recount from the promises and touchpoints, and never moves back', async () => {
    const { owner, account } = await seedOwnerAndAccount(database.db);
    const ids = { accountId: account.id, ownerId: owner.id };
    const later = await seedPromise(database.db, { ...ids, madeAt: '2026-11-20T09:00:00Z' });
    // An older promise made afterwards does not move the latest back.
    await seedPromise(database.db, { ...ids, madeAt: '2026-11-10T09:00:00Z' });
    await changePromise(database.db, later.id, (state) =>
      recordMeasured(
        state,
        { expectedVersion: 1, event: { type: 'fulfilled', completeness: 'full', note: null } },
        { eventId: testId(), now: '2026-11-23T09:00:00.000Z', actorId: null },
      ),
    );
    await insertTouchpoint(
      database.db,
      aTouchpoint(account.id, owner.id, { status: 'done', doneAt: '2026-11-21T09:00:00.000Z' }),
    );
    const [suggested] = await insertSuggestedTouchpoints(database.db, [
      aTouchpoint(account.id, owner.id, {}),
    ]);
    await changeTouchpoint(database.db, suggested?.id ?? '', (current) =>
      completeTouchpoint(
        current,
        { expectedVersion: 1, note: null, doneAt: '2026-11-22T09:00:00.000Z' },
        { now: '2026-11-22T10:00:00.000Z', actorId: owner.id },
      ),
    );

    const kept = await findAccountLastTouch(database.db, account.id);
    expect(kept).toEqual({
      accountId: account.id,
      promiseMadeAt: '2026-11-20T09:00:00.000Z',
      promiseFulfilledAt: '2026-11-23T09:00:00.000Z',
      touchpointDoneAt: '2026-11-22T09:00:00.000Z',
      quietSince: '2026-11-23T09:00:00.000Z',
    });
    await rebuildAccountLastTouches(database.db);
    expect(await findAccountLastTouch(database.db, account.id)).toEqual(kept);
  });
});
