import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { closeSqliteStoreForReplacement, inspectSqliteStore } from '@steadfast/db';
import type { ServerEnv } from '../env.ts';
import { CommandRefused } from './cli-store.ts';
import { sqliteStoreFile, syncFolderOf, syncToDisk } from './store-file.ts';

/** A file name part for now: sortable, and valid on every file system. */
function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * `steadfast restore <file>`: replaces the store with a backup. The backup must be a sound
 * Steadfast store (integrity_check, migrations table, no newer migration); the store must not be
 * open anywhere (a running server refuses it). The backup is copied beside the store and forced to
 * disk, the old store is made whole (its write-ahead log folded in) and kept under a dated name,
 * and the copy is renamed into place: at every moment the store's name holds a whole database.
 */
export async function runRestoreCommand(
  env: ServerEnv,
  options: { file: string },
): Promise<number> {
  const store = sqliteStoreFile(env, 'pg_restore --clean --dbname="$DATABASE_URL" steadfast.dump');
  const backup = resolve(options.file);
  if (!existsSync(backup)) throw new CommandRefused(`${backup} does not exist.`);
  if (existsSync(`${backup}-wal`))
    throw new CommandRefused(
      `${backup} has a write-ahead log beside it: it is open or was copied live. Restore a file made by \`steadfast backup\`.`,
    );
  const { problems, migrations } = inspectSqliteStore(backup);
  if (problems.length > 0)
    throw new CommandRefused(`${backup} cannot be restored: it ${problems.join('; ')}.`);

  mkdirSync(dirname(store), { recursive: true });
  const restoring = `${store}.restoring`;
  rmSync(restoring, { force: true });
  copyFileSync(backup, restoring);
  syncToDisk(restoring);

  let keptAs: string | null = null;
  if (existsSync(store)) {
    if (!closeSqliteStoreForReplacement(store)) {
      rmSync(restoring, { force: true });
      throw new CommandRefused(
        `${store} is open in another process: stop the server (and any other steadfast command) first.`,
      );
    }
    keptAs = `${store}.before-restore-${stamp(new Date())}`;
    renameSync(store, keptAs);
  }
  // Left by the old store they belong to, they must never be read with the restored one.
  rmSync(`${store}-wal`, { force: true });
  rmSync(`${store}-shm`, { force: true });
  renameSync(restoring, store);
  syncFolderOf(store);
  console.log(
    `Restored ${backup} (${migrations.length} migrations) into ${store}.` +
      (keptAs === null ? '' : `\nThe store it replaced is kept as ${keptAs}.`),
  );
  return 0;
}
