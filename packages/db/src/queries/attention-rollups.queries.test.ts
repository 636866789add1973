import { completeTouchpoint, type Touchpoint } from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { seedOwnerAndAccount, seedPromise, testId } from '../__tests__/test-database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { insertAccount } from './account.queries.ts';
import { rebuildAccountLastTouches } from './account-last-touches.queries.ts';
import {
  countQuietAccounts,
  listQuietAccounts,
  rebuildOwnerEffortDays,
  tallyOwnerEffortFromDays,
} from './attention-rollups.queries.ts';
import { tallyOwnerEffort } from './portfolio.queries.ts';
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
    kind: 'referral',
    origin: 'person',
    status: 'suggested',
    dedupeKey: `t:${testId()}`,
    promiseId: null,
    dueAt: '2026-11-01T09:00:00.000Z',
    reason: null,
    note: null,
    doneAt: null,
    doneBy: null,
    dismissedAt: null,
    dismissReason: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

const byOwner = <T extends { ownerId: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.ownerId.localeCompare(b.ownerId));

describe.each(databaseKinds)('attention rollups on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
  });
  afterEach(async () => {
    await database.close();
  });

  it('keeps the effort per day, owner and stage equal to a recount, touchpoints done and moved', async () => {
    const { db } = database;
    const { owner, account } = await seedOwnerAndAccount(db);
    const prospect = { ...account, id: testId(), name: 'Prospect', stage: 'prospect' as const };
    const churned = { ...account, id: testId(), name: 'Gone', stage: 'churned' as const };
    await insertAccount(db, prospect);
    await insertAccount(db, churned);
    const madeAts = [
      '2026-11-20T09:00:00Z',
      '2026-11-02T23:59:59Z',
      '2026-11-03T00:00:00Z',
      '2026-10-15T12:00:00Z',
      // Made out of order: an older promise recorded last.
      '2026-09-01T08:00:00Z',
    ];
    for (const [n, madeAt] of madeAts.entries()) {
      const accountId = [account.id, prospect.id, churned.id][n % 3] ?? account.id;
      await seedPromise(db, { accountId, ownerId: owner.id, madeAt });
    }
    await insertTouchpoint(
      db,
      aTouchpoint(account.id, owner.id, { status: 'done', doneAt: '2026-11-04T10:00:00.000Z' }),
    );
    const [suggested] = await insertSuggestedTouchpoints(db, [
      aTouchpoint(prospect.id, owner.id, {}),
    ]);
    await changeTouchpoint(db, suggested?.id ?? '', (current) =>
      completeTouchpoint(
        current,
        { expectedVersion: 1, note: null, doneAt: '2026-11-05T10:00:00.000Z' },
        { now: '2026-11-05T11:00:00.000Z', actorId: owner.id },
      ),
    );
    const windows = [
      { from: '2026-08-01T00:00:00.000Z', to: '2026-11-24T10:00:00.000Z' },
      { from: '2026-11-02T12:00:00.000Z', to: '2026-11-05T09:00:00.000Z' },
      { from: '2026-11-03T00:00:00.000Z', to: '2026-11-04T00:00:00.000Z' },
      { from: '2026-11-04T09:00:00.000Z', to: '2026-11-04T11:00:00.000Z' },
    ];
    const compare = async () => {
      for (const window of windows) {
        expect(byOwner(await tallyOwnerEffortFromDays(db, window))).toEqual(
          byOwner(await tallyOwnerEffort(db, window)),
        );
      }
    };
    await compare();
    const whole = await tallyOwnerEffortFromDays(db, windows[0] ?? { from: '', to: '' });
    expect(whole).toEqual([
      {
        ownerId: owner.id,
        prospect: { promises: 2, touchpoints: 1 },
        existing: { promises: 2, touchpoints: 1 },
      },
    ]);
    const kept = await db.selectFrom('owner_effort_days').selectAll().orderBy('day').execute();
    await rebuildOwnerEffortDays(db);
    expect(await db.selectFrom('owner_effort_days').selectAll().orderBy('day').execute()).toEqual(
      kept,
    );
    await compare();
  });

  it('lists the quiet accounts longest quiet first, a page at a time, as a recount does', async () => {
    const { db } = database;
    const { owner, account } = await seedOwnerAndAccount(db);
    const quietSinceCreated = {
      ...account,
      id: testId(),
      name: 'Never touched',
      createdAt: '2026-06-01T00:00:00.000Z',
    };
    const recent = { ...account, id: testId(), name: 'Recent' };
    const prospect = { ...account, id: testId(), name: 'Prospect', stage: 'prospect' as const };
    for (const created of [quietSinceCreated, recent, prospect]) await insertAccount(db, created);
    await seedPromise(db, {
      accountId: account.id,
      ownerId: owner.id,
      madeAt: '2026-08-01T09:00:00Z',
    });
    await seedPromise(db, {
      accountId: recent.id,
      ownerId: owner.id,
      madeAt: '2026-11-20T09:00:00Z',
    });
    await seedPromise(db, {
      accountId: prospect.id,
      ownerId: owner.id,
      madeAt: '2026-01-20T09:00:00Z',
    });
    const filter = { stages: ['active'], quietAtOrBefore: '2026-10-10T10:00:00.000Z' };
    const expected = [
      {
        accountId: quietSinceCreated.id,
        quietSince: '2026-06-01T00:00:00.000Z',
        lastTouchAt: null,
      },
      {
        accountId: account.id,
        quietSince: '2026-08-01T09:00:00.000Z',
        lastTouchAt: '2026-08-01T09:00:00.000Z',
      },
    ];
    const read = async () => {
      const first = await listQuietAccounts(db, { ...filter, limit: 1 });
      const last = first.at(-1);
      const rest = await listQuietAccounts(db, {
        ...filter,
        limit: 10,
        after: last && { quietSince: last.quietSince, accountId: last.accountId },
      });
      return [...first, ...rest].map(({ accountId, quietSince, lastTouchAt }) => ({
        accountId,
        quietSince,
        lastTouchAt,
      }));
    };
    expect(await read()).toEqual(expected);
    expect(await countQuietAccounts(db, filter)).toBe(2);
    await rebuildAccountLastTouches(db);
    expect(await read()).toEqual(expected);
    expect(await countQuietAccounts(db, filter)).toBe(2);
  });
});
