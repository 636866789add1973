import { closeSync, fsyncSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ServerEnv } from '../env.ts';
import { sqliteFileName } from '../open-store.ts';
import { CommandRefused } from './cli-store.ts';

/** The SQLite file of the configured store; PostgreSQL's are the database's own tools' work. */
export function sqliteStoreFile(
  env: Pick<ServerEnv, 'dataDir' | 'databaseUrl'>,
  postgresTool: string,
): string {
  if (env.databaseUrl !== undefined) {
    throw new CommandRefused(
      `This store is PostgreSQL (DATABASE_URL is set): use PostgreSQL's own tools, e.g. ${postgresTool}.`,
    );
  }
  return join(env.dataDir, sqliteFileName);
}

/** Forces a file's bytes (or a folder's entries) to disk before we rely on them. */
export function syncToDisk(path: string): void {
  const descriptor = openSync(path, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/** After a rename: the folder's entry too, so the new name survives a power cut. */
export function syncFolderOf(path: string): void {
  syncToDisk(dirname(path));
}
