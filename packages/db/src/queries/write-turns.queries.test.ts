import { reviseCharter, saveCharterInputSchema } from '@steadfast/domain';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  now,
  recordMeasured,
  seedOwnerAndAccount,
  seedPromise,
  testId,
} from '../__tests__/test-database.ts';
import type { Db } from '../schema/database.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { findCharterForChange, saveCharterVersion } from './charter.queries.ts';
import { changePromise, loadPromiseEvents } from './promise.queries.ts';

/** The backend serving the transaction `trx`. */
async function backendOf(trx: Db): Promise<number> {
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
  const pid = rows[0]?.pid;
  if (pid === undefined) throw new Error('pg_backend_pid() answered nothing');
  return pid;
}

/**
 * Waits until some other session is blocked behind `pid`: the second writer is in its queue. A
 * second writer that never queues (it read without waiting) fails the test here.
 */
async function untilSomeoneWaitsFor(db: Db, pid: number): Promise<void> {
  for (let poll = 0; poll < 100; poll += 1) {
    const { rows } = await sql<{ waiting: number }>`
      select count(*)::int as waiting from pg_stat_activity where ${pid} = any(pg_blocking_pids(pid))
    `.execute(db);
    if ((rows[0]?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the second writer did not wait for the first one');
}

// SQLite runs one write transaction at a time, so only PostgreSQL can interleave two writers.
describe('writers of one promise or charter take turns on PostgreSQL', () => {
  let handle: TestDatabase;
  beforeEach(async () => {
    handle = await createTestDatabase('postgres', { postgresUrl: inject('postgresUrl') });
  });
  afterEach(async () => {
    await handle.close();
  });

  it("a promise writer that waited behind another's transaction is told the version the other left, and writes nothing", async () => {
    const { owner, account } = await seedOwnerAndAccount(handle.db);
    const made = await seedPromise(handle.db, { accountId: account.id, ownerId: owner.id });
    const write = (db: Db, milestone: string) =>
      changePromise(db, made.id, (state) =>
        recordMeasured(
          state,
          { expectedVersion: 1, event: { type: 'progress', milestone } },
          { now, actorId: null, eventId: testId() },
        ),
      );

    let second: Promise<unknown> = Promise.resolve();
    await handle.db.transaction().execute(async (trx) => {
      await write(trx, 'Packed by the first');
      const pid = await backendOf(trx);
      second = write(handle.db, 'Packed by the second').catch((error: unknown) => error);
      await untilSomeoneWaitsFor(handle.db, pid);
    });

    expect(await second).toMatchObject({
      code: 'version_conflict',
      kind: 'conflict',
      details: { currentVersion: 2 },
    });
    const events = await loadPromiseEvents(handle.db, made.id);
    expect(
      events.map((event) => (event.type === 'progress' ? event.milestone : event.type)),
    ).toEqual(['made', 'Packed by the first']);
  });

  it("a charter writer that waited behind another's first version reads that version, not an empty charter", async () => {
    const { account } = await seedOwnerAndAccount(handle.db);
    const input = saveCharterInputSchema.parse({
      accountId: account.id,
      expectedVersion: 0,
      terms: [
        {
          metric: 'first_response_time',
          target: { amount: 4, unit: 'business_hours' },
          threshold: 0.95,
        },
      ],
    });

    let secondRead: Promise<number | undefined> = Promise.resolve(undefined);
    await handle.db.transaction().execute(async (trx) => {
      const current = (await findCharterForChange(trx, account.id)) ?? null;
      const { head, version } = reviseCharter(current, input, {
        now,
        actorId: null,
        newTermId: testId,
        timeZone: 'Europe/Berlin',
      });
      await saveCharterVersion(trx, { head, version, expectedVersion: 0 });
      const pid = await backendOf(trx);
      secondRead = handle.db
        .transaction()
        .execute(async (other) => (await findCharterForChange(other, account.id))?.head)
        .then((head) => head?.currentVersion);
      await untilSomeoneWaitsFor(handle.db, pid);
    });

    expect(await secondRead).toBe(1);
  });
});
