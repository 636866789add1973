import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@steadfast/domain';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  now,
  recordMeasured,
  seedOwnerAndAccount,
  seedPromise,
  testId,
} from '../__tests__/test-database.ts';
import {
  createTestDatabase,
  databaseKinds,
  refuseProjectionUpdates,
  type TestDatabase,
} from '../testing/test-database.ts';
import {
  appendPromiseEvent,
  changePromise,
  findPromiseSummary,
  listPromiseSummaries,
  loadPromiseEvents,
  loadPromiseState,
} from './promise.queries.ts';

type TestDb = TestDatabase;

async function eventCount(db: TestDb['db']): Promise<number> {
  const row = await db
    .selectFrom('promise_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(databaseKinds)('promise store on %s', (kind) => {
  let handle: TestDb;
  beforeEach(async () => {
    handle = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
  });
  afterEach(async () => {
    await handle.close();
  });

  it('stores a made promise as one event and a projection at version 1', async () => {
    const { owner, account } = await seedOwnerAndAccount(handle.db);
    const state = await seedPromise(handle.db, { accountId: account.id, ownerId: owner.id });

    const { state: loaded, events } = await loadPromiseState(handle.db, state.id);
    expect(events.map((e) => e.type)).toEqual(['made']);
    expect(loaded).toEqual(state);
    const summary = await findPromiseSummary(handle.db, state.id);
    expect(summary).toMatchObject({
      status: 'open',
      version: 1,
      dueDeadline: '2026-11-30T16:00:00.000Z',
      atRisk: false,
    });
  });

  it('appends an event and moves the projection to the version it makes', async () => {
    const { owner, account } = await seedOwnerAndAccount(handle.db);
    const made = await seedPromise(handle.db, { accountId: account.id, ownerId: owner.id });

    const flagged = await changePromise(handle.db, made.id, (state) =>
      recordMeasured(
        state,
        { expectedVersion: 1, event: { type: 'at_risk_flagged', reason: 'Carrier strike' } },
        { eventId: testId(), now, actorId: owner.id },
      ),
    );
    expect(flagged.version).toBe(2);
    expect(await findPromiseSummary(handle.db, made.id)).toMatchObject({
      version: 2,
      atRisk: true,
    });
    expect((await loadPromiseEvents(handle.db, made.id)).map((e) => e.sequence)).toEqual([1, 2]);
  });

  it('rejects a stale version as a conflict naming the current version, and writes nothing', async () => {
    const { owner, account } = await seedOwnerAndAccount(handle.db);
    const made = await seedPromise(handle.db, { accountId: account.id, ownerId: owner.id });
    const stamp = { now, actorId: owner.id };
    await changePromise(handle.db, made.id, (state) =>
      recordMeasured(
        state,
        { expectedVersion: 1, event: { type: 'progress', milestone: 'Packed' } },
        { ...stamp, eventId: testId() },
      ),
    );

    const stale = changePromise(handle.db, made.id, (state) =>
      recordMeasured(
        state,
        { expectedVersion: 1, event: { type: 'fulfilled', completeness: 'full', note: null } },
        { ...stamp, eventId: testId() },
      ),
    );
    await expect(stale).rejects.toMatchObject({
      code: 'version_conflict',
      kind: 'conflict',
      details: { currentVersion: 2 },
    });
    expect(await eventCount(handle.db)).toBe(2);
    expect(await findPromiseSummary(handle.db, made.id)).toMatchObject({
      status: 'open',
      version: 2,
    });
  });

  it('rejects a writer that computed from an old state even if it bypasses the domain check', async () => {
    const { owner, account } = await seedOwnerAndAccount(handle.db);
    const made = await seedPromise(handle.db, { accountId: account.id, ownerId: owner.id });
    // Two writers both read version 1 and decide; the first appends, the second must lose.
    const first = recordMeasured(
      made,
      { expectedVersion: 1, event: { type: 'progress', milestone: 'Packed' } },
      { now, actorId: null, eventId: testId() },
    );
    const second = recordMeasured(
      made,
      { expectedVersion: 1, event: { type: 'cancelled', reason: 'Oops' } },
      { now, actorId: null, eventId: testId() },
    );
    await appendPromiseEvent(handle.db, first);

    const error = await appendPromiseEvent(handle.db, second).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'version_conflict' });
    expect(await eventCount(handle.db)).toBe(2);
    expect(await findPromiseSummary(handle.db, made.id)).toMatchObject({
      status: 'open',
      version: 2,
    });
  });

  it('leaves no event behind when the projection update fails', async () => {
    const { owner, account } = await seedOwnerAndAccount(handle.db);
    const made = await seedPromise(handle.db, { accountId: account.id, ownerId: owner.id });
    await refuseProjectionUpdates(handle);

    const attempt = changePromise(handle.db, made.id, (state) =>
      recordMeasured(
        state,
        { expectedVersion: 1, event: { type: 'missed', note: null } },
        { now, actorId: null, eventId: testId() },
      ),
    );
    await expect(attempt).rejects.toThrow('projection update refused');
    expect(await eventCount(handle.db)).toBe(1);
    expect(await findPromiseSummary(handle.db, made.id)).toMatchObject({
      status: 'open',
      version: 1,
    });
  });

  it('lets exactly one of concurrent writers at the same version win; each other gets a conflict naming the version the winner left', async () => {
    const { owner, account } = await seedOwnerAndAccount(handle.db);
    const made = await seedPromise(handle.db, { accountId: account.id, ownerId: owner.id });
    const write = (milestone: string) =>
      changePromise(handle.db, made.id, (state) =>
        recordMeasured(
          state,
          { expectedVersion: 1, event: { type: 'progress', milestone } },
          { now, actorId: null, eventId: testId() },
        ),
      );

    const results = await Promise.allSettled([
      write('Packed'),
      write('Labelled'),
      write('Weighed'),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(2);
    for (const loss of lost) {
      expect(loss.reason).toMatchObject({
        code: 'version_conflict',
        details: { currentVersion: 2 },
      });
    }
    expect(await eventCount(handle.db)).toBe(2);
    expect(await findPromiseSummary(handle.db, made.id)).toMatchObject({ version: 2 });
  });

  it('answers promise_not_found for an unknown promise', async () => {
    await expect(loadPromiseState(handle.db, testId())).rejects.toMatchObject({
      code: 'promise_not_found',
      kind: 'not_found',
    });
  });

  it('lists by account, status, risk and deadline range, soonest first, with a keyset cursor', async () => {
    const { owner, account } = await seedOwnerAndAccount(handle.db);
    const base = { accountId: account.id, ownerId: owner.id };
    const late = await seedPromise(handle.db, {
      ...base,
      due: { kind: 'point', at: '2026-12-10T10:00:00Z' },
    });
    const soon = await seedPromise(handle.db, {
      ...base,
      due: { kind: 'point', at: '2026-11-25T10:00:00Z' },
    });
    const window = await seedPromise(handle.db, {
      ...base,
      due: { kind: 'window', earliest: '2026-11-26T08:00:00Z', latest: '2026-11-27T17:00:00Z' },
    });
    await changePromise(handle.db, late.id, (state) =>
      recordMeasured(
        state,
        { expectedVersion: 1, event: { type: 'cancelled', reason: 'Client changed plans' } },
        { now, actorId: null, eventId: testId() },
      ),
    );

    const all = await listPromiseSummaries(handle.db, { accountId: account.id, limit: 10 });
    expect(all.map((p) => p.id)).toEqual([soon.id, window.id, late.id]);

    const open = await listPromiseSummaries(handle.db, { statuses: ['open'], limit: 10 });
    expect(open.map((p) => p.id)).toEqual([soon.id, window.id]);

    const ranged = await listPromiseSummaries(handle.db, {
      deadlineFrom: '2026-11-26T00:00:00Z',
      deadlineBefore: '2026-11-28T00:00:00Z',
      limit: 10,
    });
    expect(ranged.map((p) => p.id)).toEqual([window.id]);

    const firstPage = await listPromiseSummaries(handle.db, { limit: 1 });
    const lastOfFirst = firstPage[0];
    if (lastOfFirst === undefined) throw new Error('expected a first page');
    const secondPage = await listPromiseSummaries(handle.db, { limit: 5, after: lastOfFirst });
    expect(secondPage.map((p) => p.id)).toEqual([window.id, late.id]);

    expect(await listPromiseSummaries(handle.db, { atRisk: true, limit: 10 })).toEqual([]);
  });
});

describe('durability', () => {
  it('keeps a committed promise after the database is closed and opened again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steadfast-db-'));
    try {
      const file = join(dir, 'nested', 'steadfast.sqlite');
      const first = await createTestDatabase('sqlite', { sqliteFile: file });
      const { owner, account } = await seedOwnerAndAccount(first.db);
      const made = await seedPromise(first.db, { accountId: account.id, ownerId: owner.id });
      await first.close();

      const second = await createTestDatabase('sqlite', { sqliteFile: file });
      expect(await findPromiseSummary(second.db, made.id)).toMatchObject({
        id: made.id,
        version: 1,
      });
      const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(second.db);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
