import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupSqliteFile } from '@steadfast/db';
import type { ServerEnv } from '../env.ts';
import { sqliteFileName } from '../open-store.ts';
import { CommandRefused } from './cli-store.ts';
import { progressOn } from './progress.ts';
import { sqliteStoreFile, syncFolderOf, syncToDisk } from './store-file.ts';

/**
 * `steadfast backup <file>`: SQLite's online backup of the store, safe while the server runs. The
 * copy is written beside the target, forced to disk, then renamed into place.
 */
export async function runBackupCommand(env: ServerEnv, options: { file: string }): Promise<number> {
  const source = sqliteStoreFile(
    env,
    'pg_dump --format=custom --file=steadfast.dump "$DATABASE_URL"',
  );
  if (!existsSync(source))
    throw new CommandRefused(`There is no store to back up: ${source} does not exist.`);
  const destination = resolve(options.file);
  if (existsSync(destination))
    throw new CommandRefused(
      `${destination} exists: choose a new name (a backup never overwrites).`,
    );
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  const progress = progressOn('Backing up', 'pages');
  try {
    const { pages } = await backupSqliteFile({
      file: source,
      destination: partial,
      onProgress: (copied, total) => progress.update(copied, total),
    });
    progress.stop();
    syncToDisk(partial);
    renameSync(partial, destination);
    syncFolderOf(destination);
    const megabytes = (statSync(destination).size / 1_048_576).toFixed(1);
    console.log(`Backed up ${sqliteFileName} (${pages} pages, ${megabytes} MB) to ${destination}.`);
    return 0;
  } catch (error) {
    progress.stop();
    rmSync(partial, { force: true });
    throw error;
  }
}
