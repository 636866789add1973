import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@steadfast/db';
import { createTestDatabase, type TestDatabase } from '@steadfast/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../__tests__/server-process.ts';
import {
  addManager,
  checkStore,
  Ledger,
  prepareWorkspace,
  reliabilityRounds,
  reliabilitySeed,
  runWriters,
  type StoreCheck,
  seededRandom,
  trpcCall,
} from './write-load.ts';

// The server as a child process under concurrent write load, killed with SIGKILL at seeded random
// moments and restarted on the same store, round after round: every write it acknowledged must
// be there after the restart, every promise's projection must agree with its events, and SQLite's
// integrity check must pass. `pnpm test:reliability` runs 20 rounds (RELIABILITY_ROUNDS=20);
// the normal suite a short version. RELIABILITY_SEED=<n> replays a run.

const rounds = reliabilityRounds(3);
const postgresRounds = reliabilityRounds(2);
const writers = 12;
/** Per round: a restart, up to 2.5 s of load after the first write, the checks. */
const timeoutFor = (count: number) => 60_000 + count * 25_000;

interface CrashStore {
  env: Record<string, string>;
  /**
   * The store checked against the ledger, and its integrity: `ok`, or what SQLite's integrity
   * check found (PostgreSQL has no such check). SQLite's is read through a connection of its own,
   * opened for the check and closed after it: between a kill and the restart no process but the
   * server has the file open, so the restarted server recovers the write-ahead log on its own.
   */
  check(ledger: Ledger): Promise<{ check: StoreCheck; integrity: string }>;
  close(): Promise<void>;
}

async function sqliteStore(): Promise<CrashStore & { file: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'steadfast-crash-'));
  const file = join(folder, 'steadfast.sqlite');
  const prepared = await createTestDatabase('sqlite', { sqliteFile: file });
  await addManager(prepared.db);
  await prepared.close();
  return {
    file,
    env: { DATA_DIR: folder, DEMO_DATA: 'false' },
    check: async (ledger) => {
      const handle = openDatabase({ kind: 'sqlite', file });
      try {
        const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
          handle.db,
        );
        const integrity = rows.map((row) => row.integrity_check).join('; ');
        return { check: await checkStore(handle.db, ledger), integrity };
      } finally {
        await handle.close();
      }
    },
    close: async () => {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function postgresStore(): Promise<CrashStore> {
  const database: TestDatabase = await createTestDatabase('postgres', {
    postgresUrl: inject('postgresUrl'),
  });
  await addManager(database.db);
  if (database.url === undefined) throw new Error('a PostgreSQL test database has a url');
  return {
    env: { DATABASE_URL: database.url, DEMO_DATA: 'false' },
    check: async (ledger) => ({
      check: await checkStore(database.db, ledger),
      integrity: 'n/a (PostgreSQL)',
    }),
    close: () => database.close(),
  };
}

function killHard(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface RunTotals {
  rounds: number;
  sent: number;
  acknowledged: number;
  lost: number;
  conflicts: number;
}

/** The rounds of kill and restart on one store; the last server is left running. */
async function crashRounds(
  label: string,
  store: CrashStore,
  count: number,
): Promise<{ server: ServerProcess; totals: RunTotals; ledger: Ledger }> {
  const seed = reliabilitySeed();
  const random = seededRandom(seed);
  console.log(
    `[crash ${label}] seed ${seed} (RELIABILITY_SEED=${seed} replays it), ${count} rounds`,
  );
  // The background worker runs as it does in production: its writes are part of the load too.
  let server = await startServerProcess({ ...store.env, WORKER_INTERVAL_MS: '500' });
  const ownerId = '00000000-0000-7000-8000-0000000000a1';
  const workspace = await prepareWorkspace(server.url, ownerId, 4);
  const ledger = new Ledger();
  const totals: RunTotals = { rounds: 0, sent: 0, acknowledged: 0, lost: 0, conflicts: 0 };
  let found = 0;

  for (let round = 1; round <= count; round += 1) {
    // The kill falls at a random moment of steady load: 0.1 to 2.5 s after the round's first
    // acknowledged write (a server just started answers its first requests slowly).
    const killAfterMs = Math.round(100 + random() * 2_400);
    let firstAcknowledged = () => {};
    const loadRunning = new Promise<void>((resolve) => {
      firstAcknowledged = resolve;
    });
    const load = runWriters({
      url: server.url,
      workspace,
      ledger,
      random,
      writers,
      maxMs: 20_000,
      tag: `r${round}`,
      onAcknowledged: () => firstAcknowledged(),
    });
    await Promise.race([loadRunning, sleep(15_000)]);
    await sleep(killAfterMs);
    await killHard(server);
    const figures = await load;

    server = await startServerProcess({ ...store.env, WORKER_INTERVAL_MS: '500' });
    const { check, integrity } = await store.check(ledger);
    // The restarted server serves what was acknowledged, with the session made before the crash.
    const [someId, somePromise] = [...ledger.promises][ledger.promises.size - 1] ?? [];
    if (someId !== undefined && somePromise !== undefined) {
      const read = await trpcCall(
        server.url,
        workspace.cookie,
        'promise.get',
        { id: someId },
        'query',
      );
      expect(read.kind).toBe('ok');
      const version = (read as { data: { promise: { version: number } } }).data.promise.version;
      expect(version).toBeGreaterThanOrEqual(somePromise.ackedVersion);
    }
    // Writes that committed unacknowledged moved some versions on: write on from the store's.
    for (const [id, promise] of ledger.promises) {
      promise.currentVersion = check.versions.get(id) ?? promise.currentVersion;
    }

    found = check.acknowledgedFound;
    totals.rounds += 1;
    totals.sent += figures.sent;
    totals.acknowledged += figures.acknowledged;
    totals.lost += figures.lost;
    totals.conflicts += figures.conflicts;
    console.log(
      `[crash ${label}] round ${round}/${count}: killed ${killAfterMs} ms into the load; ` +
        `sent ${figures.sent}, acknowledged ${figures.acknowledged}, in flight at the kill ${figures.lost}, ` +
        `conflicts ${figures.conflicts}; acknowledged so far ${ledger.acknowledgedCount()}, found ${check.acknowledgedFound}, ` +
        `missing ${check.missing.length}; store: ${check.promisesInStore} promises, ${check.eventsInStore} events, ` +
        `${check.observationsInStore} observations, projection mismatches ${check.projectionMismatches.length}; ` +
        `integrity ${integrity}`,
    );
    expect(figures.refused).toEqual([]);
    // The kill hit the load while it ran: requests were in flight.
    expect(figures.lost).toBeGreaterThan(0);
    expect(check.missing).toEqual([]);
    expect(check.acknowledgedFound).toBe(ledger.acknowledgedCount());
    expect(check.projectionMismatches).toEqual([]);
    expect(integrity).toMatch(/^(ok|n\/a)/);
  }
  console.log(
    `[crash ${label}] total: ${totals.rounds} rounds, writes sent ${totals.sent}, acknowledged ${totals.acknowledged}, ` +
      `in flight at kills ${totals.lost}, conflicts ${totals.conflicts}; acknowledged writes found ` +
      `${found} of ${ledger.acknowledgedCount()} (${ledger.promises.size} promises, ` +
      `${ledger.observations.size} observations)`,
  );
  expect(totals.acknowledged).toBeGreaterThan(0);
  expect(ledger.acknowledgedCount()).toBe(totals.acknowledged);
  return { server, totals, ledger };
}

describe('a server killed with SIGKILL under write load', () => {
  describe('on SQLite', () => {
    let store: Awaited<ReturnType<typeof sqliteStore>>;
    let server: ServerProcess | undefined;
    beforeAll(async () => {
      store = await sqliteStore();
    });
    afterAll(async () => {
      await server?.stop();
      await store?.close();
    });

    it(
      `keeps every acknowledged write and a sound file through ${rounds} kills and restarts`,
      async () => {
        const run = await crashRounds('sqlite', store, rounds);
        server = run.server;
        await server.stop();
        // With no server left, the file on its own: sound, and still holding every acknowledged write.
        const { check, integrity } = await store.check(run.ledger);
        console.log(
          `[crash sqlite] after a clean stop: integrity ${integrity}; acknowledged writes found ` +
            `${check.acknowledgedFound} of ${run.ledger.acknowledgedCount()}, projection mismatches ${check.projectionMismatches.length}`,
        );
        expect(integrity).toBe('ok');
        expect(check.missing).toEqual([]);
        expect(check.projectionMismatches).toEqual([]);
      },
      timeoutFor(rounds),
    );
  });

  describe('on PostgreSQL', () => {
    let store: CrashStore;
    let server: ServerProcess | undefined;
    beforeAll(async () => {
      store = await postgresStore();
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
      await store?.close();
    });

    it(
      `keeps every acknowledged write through ${postgresRounds} kills and restarts`,
      async () => {
        const run = await crashRounds('postgres', store, postgresRounds);
        server = run.server;
      },
      timeoutFor(postgresRounds),
    );
  });
});
