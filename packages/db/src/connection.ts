import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema/database.ts';

export type DatabaseConfig =
  /** A SQLite file; its folder is created when missing. `:memory:` for tests. */
  { kind: 'sqlite'; file: string };

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** Where the data lives, for logs (never includes a password). */
  location: string;
  close(): Promise<void>;
}

/**
 * Opens the store. SQLite runs in WAL mode with foreign keys on, a busy timeout for a second
 * process, and `synchronous = FULL` so an acknowledged write survives a killed process or a
 * power cut.
 */
export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.file !== ':memory:') {
    mkdirSync(dirname(config.file), { recursive: true });
  }
  const sqlite = new SqliteDatabase(config.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, location: config.file, close: () => db.destroy() };
}

/** Was this error a unique-key violation, in whichever database raised it? */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  );
}
