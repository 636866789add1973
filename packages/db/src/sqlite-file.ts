import SqliteDatabase from 'better-sqlite3';
import { migrations } from './migrations/index.ts';

// SQLite-only operations on a store's file (backup, checks, restore preparation): the CLI's
// backup and restore. Like connection.ts, the one place besides it that speaks SQLite's own SQL.

/** Pages copied per step of an online backup: small steps let the server write in between. */
const pagesPerStep = 256;

/**
 * Copies a SQLite store to `destination` with SQLite's online backup API: a consistent snapshot
 * of everything committed (WAL included), taken while the server may go on reading and writing.
 */
export async function backupSqliteFile(options: {
  file: string;
  destination: string;
  onProgress?: (copiedPages: number, totalPages: number) => void;
}): Promise<{ pages: number }> {
  const source = new SqliteDatabase(options.file, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    const result = await source.backup(options.destination, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.(totalPages - remainingPages, totalPages);
        return pagesPerStep;
      },
    });
    options.onProgress?.(result.totalPages, result.totalPages);
    return { pages: result.totalPages };
  } finally {
    source.close();
  }
}

/** What a file holds, as far as a restore is concerned. */
export interface SqliteStoreInspection {
  /** Why the file cannot be restored; empty when it is a sound Steadfast store. */
  problems: string[];
  /** The migrations recorded in it, by name. */
  migrations: string[];
}

/**
 * Is this file a sound Steadfast store? It must open as SQLite, pass `integrity_check`, and have
 * the migrations table every Steadfast store has.
 */
export function inspectSqliteStore(file: string): SqliteStoreInspection {
  let store: SqliteDatabase.Database;
  try {
    store = new SqliteDatabase(file, { fileMustExist: true, readonly: true });
  } catch (error) {
    return { problems: [`cannot be opened: ${String(error)}`], migrations: [] };
  }
  try {
    const integrity = store.pragma('integrity_check') as { integrity_check: string }[];
    const failures = integrity.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    if (failures.length > 0)
      return {
        problems: [`fails SQLite's integrity check: ${failures.slice(0, 5).join('; ')}`],
        migrations: [],
      };
    const table = store
      .prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (table === undefined)
      return {
        problems: ['is a SQLite database but not a Steadfast store (no migrations table)'],
        migrations: [],
      };
    const rows = store.prepare('select name from kysely_migration order by name').all() as {
      name: string;
    }[];
    const names = rows.map((row) => row.name);
    const unknown = names.filter((name) => !(name in migrations));
    if (unknown.length > 0)
      return {
        problems: [
          `was made by a newer Steadfast (migrations unknown here: ${unknown.join(', ')})`,
        ],
        migrations: names,
      };
    return { problems: [], migrations: names };
  } catch (error) {
    return { problems: [`is not a readable SQLite database: ${String(error)}`], migrations: [] };
  } finally {
    store.close();
  }
}

/**
 * Makes a store's file whole and checks nobody else has it open: takes SQLite's exclusive lock
 * (busy while any other connection, such as a running server, holds the store), moves everything
 * in the write-ahead log into the file and closes, so no `-wal` or `-shm` file is left beside it.
 * Gives false, changing nothing, when the store is in use.
 */
export function closeSqliteStoreForReplacement(file: string): boolean {
  const store = new SqliteDatabase(file, { fileMustExist: true, timeout: 0 });
  try {
    store.pragma('locking_mode = EXCLUSIVE');
    store.exec('BEGIN EXCLUSIVE');
    store.exec('COMMIT');
    store.pragma('wal_checkpoint(TRUNCATE)');
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return false;
    throw error;
  } finally {
    store.close();
  }
}
