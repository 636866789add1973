import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@steadfast/db';
import { createTestDatabase } from '@steadfast/db/testing';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../__tests__/server-process.ts';
import {
  addManager,
  checkStore,
  fillWithObservations,
  Ledger,
  type LoadFigures,
  prepareWorkspace,
  reliabilitySeed,
  runWriters,
  seededRandom,
  trpcCall,
} from './write-load.ts';

// `steadfast backup` taken while the server answers concurrent writes, then `steadfast restore`
// into a fresh data folder and a server started on it: the restored store is sound (integrity
// check, every promise's projection agrees with its events), holds every write acknowledged
// before the backup began, and is served.

const serverDir = new URL('../..', import.meta.url).pathname;

/** Runs `steadfast …` in its own process without blocking this one (the load goes on). */
function steadfast(
  dataDir: string,
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/steadfast.ts', ...args], {
      cwd: serverDir,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a backup taken under write load', () => {
  const folder = mkdtempSync(join(tmpdir(), 'steadfast-backup-load-'));
  const dataDir = join(folder, 'data');
  const restoredDir = join(folder, 'restored');
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(folder, { recursive: true, force: true });
  });

  it('restores into a fresh folder as a sound store holding every write acknowledged before it began', async () => {
    const seed = reliabilitySeed();
    console.log(`[backup] seed ${seed} (RELIABILITY_SEED=${seed} replays it)`);
    const random = seededRandom(seed);
    const prepared = await createTestDatabase('sqlite', {
      sqliteFile: join(dataDir, 'steadfast.sqlite'),
    });
    const ownerId = await addManager(prepared.db);
    await prepared.close();

    const server = await startServerProcess({ DATA_DIR: dataDir, DEMO_DATA: 'false' });
    servers.push(server);
    const workspace = await prepareWorkspace(server.url, ownerId, 4);
    const ledger = new Ledger();
    // A store of several MB: the online backup copies it in several steps while writes go on.
    await fillWithObservations(server.url, workspace, ledger, 8);

    // Writers run throughout; the backup starts once they have written for a while.
    let stopLoad = false;
    let backupStarted = Number.POSITIVE_INFINITY;
    let backupEnded = Number.POSITIVE_INFINITY;
    let acknowledgedDuringBackup = 0;
    const load: Promise<LoadFigures> = runWriters({
      url: server.url,
      workspace,
      ledger,
      random,
      writers: 12,
      maxMs: 45_000,
      stop: () => stopLoad,
      tag: 'backup',
      onAcknowledged: (at) => {
        if (at >= backupStarted && at <= backupEnded) acknowledgedDuringBackup += 1;
      },
    });
    await sleep(1_500);

    const beforeBackup = ledger.snapshot();
    backupStarted = Date.now();
    const backupFile = join(folder, 'under-load.sqlite');
    const backup = await steadfast(dataDir, ['backup', backupFile]);
    backupEnded = Date.now();
    // A little more load after the backup, so the live store moves on past it.
    await sleep(300);
    stopLoad = true;
    const figures = await load;
    expect(backup.status, backup.stdout + backup.stderr).toBe(0);
    expect(figures.refused).toEqual([]);
    expect(acknowledgedDuringBackup).toBeGreaterThan(0);
    await server.stop();

    const restore = await steadfast(restoredDir, ['restore', backupFile]);
    expect(restore.status, restore.stdout + restore.stderr).toBe(0);

    const restoredFile = join(restoredDir, 'steadfast.sqlite');
    const restoredServer = await startServerProcess({
      DATA_DIR: restoredDir,
      DEMO_DATA: 'false',
    });
    servers.push(restoredServer);
    const handle = openDatabase({ kind: 'sqlite', file: restoredFile });
    try {
      const { rows } = await sql<{
        integrity_check: string;
      }>`pragma integrity_check`.execute(handle.db);
      const integrity = rows.map((row) => row.integrity_check).join('; ');
      const check = await checkStore(handle.db, beforeBackup);
      const live = ledger.acknowledgedCount();
      const laterInBackup =
        (await checkStore(handle.db, ledger)).acknowledgedFound - check.acknowledgedFound;
      console.log(
        `[backup] load: sent ${figures.sent}, acknowledged ${figures.acknowledged} ` +
          `(${beforeBackup.acknowledgedCount()} before the backup began, ${acknowledgedDuringBackup} while it ran, ` +
          `${live - beforeBackup.acknowledgedCount() - acknowledgedDuringBackup} after; 4000 observations posted in batches ` +
          `beforehand to grow the store); backup took ${backupEnded - backupStarted} ms: ` +
          `${backup.stdout.trim()}`,
      );
      console.log(
        `[backup] restored: ${check.promisesInStore} promises, ${check.eventsInStore} events, ` +
          `${check.observationsInStore} observations; acknowledged before the backup: ${check.acknowledgedFound} of ` +
          `${beforeBackup.acknowledgedCount()} found, and ${laterInBackup} acknowledged later; projection mismatches ${check.projectionMismatches.length}; integrity ${integrity}`,
      );
      expect(integrity).toBe('ok');
      expect(check.missing).toEqual([]);
      expect(check.acknowledgedFound).toBe(beforeBackup.acknowledgedCount());
      expect(check.projectionMismatches).toEqual([]);
      // Nothing the writers did not make: the writers stopped cleanly, so every promise they made
      // was acknowledged, and every promise in the backup is one of them.
      const strangers = [...check.versions.keys()].filter((id) => !ledger.promises.has(id));
      expect(strangers).toEqual([]);

      // The restored server serves the restored data, to the session made before the backup.
      const [someId, some] = [...beforeBackup.promises][0] ?? [];
      if (someId === undefined || some === undefined) throw new Error('no promise was made');
      const read = await trpcCall(
        restoredServer.url,
        workspace.cookie,
        'promise.get',
        { id: someId },
        'query',
      );
      expect(read.kind).toBe('ok');
      const served = read as { data: { promise: { version: number }; events: unknown[] } };
      expect(served.data.promise.version).toBeGreaterThanOrEqual(some.ackedVersion);
      expect(served.data.events).toHaveLength(served.data.promise.version);
      const listed = await trpcCall(
        restoredServer.url,
        workspace.cookie,
        'promise.list',
        { limit: 100 },
        'query',
      );
      expect(listed.kind).toBe('ok');
      expect((listed as { data: { items: unknown[] } }).data.items.length).toBe(
        Math.min(100, check.promisesInStore),
      );
    } finally {
      await handle.close();
    }
    await restoredServer.stop();
    // Stopped, the restored file read on its own still passes the integrity check.
    const after = openDatabase({ kind: 'sqlite', file: restoredFile });
    try {
      const { rows } = await sql<{
        integrity_check: string;
      }>`pragma integrity_check`.execute(after.db);
      expect(rows.map((row) => row.integrity_check)).toEqual(['ok']);
    } finally {
      await after.close();
    }
  }, 120_000);
});
