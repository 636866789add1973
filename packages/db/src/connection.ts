import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase as SqliteDialectDatabase,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema/database.ts';

export type DatabaseConfig =
  /** A SQLite file; its folder is created when missing. `:memory:` for tests. */
  | { kind: 'sqlite'; file: string }
  /** A PostgreSQL server; `schema` sets the search path (tests use one schema each). */
  | { kind: 'postgres'; url: string; schema?: string; maxConnections?: number };

export type DatabaseKind = DatabaseConfig['kind'];

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for logs (never includes a password). */
  location: string;
  close(): Promise<void>;
}

/**
 * Opens the store. SQLite runs in WAL mode with foreign keys on, a busy timeout for a second
 * process, and `synchronous = FULL` so an acknowledged write survives a killed process or a
 * power cut. PostgreSQL gets a connection pool; its own defaults already make commits durable.
 */
export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  return config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config);
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
  }
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, kind: 'sqlite', location: file, close: () => db.destroy() };
}

/** How many distinct SQL texts keep their compiled statement (`in (?, ?, …)` lists vary). */
const statementCacheSize = 1000;

/**
 * Kysely asks better-sqlite3 to prepare (compile) every query anew, which costs more than running
 * a small read; a request's queries repeat the same few SQL texts, so the compiled statements are
 * kept and reused. Reuse is safe: Kysely runs one query at a time on the single SQLite connection.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDialectDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql) => {
      const cached = statements.get(sql);
      if (cached !== undefined) return cached;
      const statement = sqlite.prepare(sql);
      if (statements.size >= statementCacheSize) {
        // The oldest entry goes first (a Map keeps insertion order).
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

function openPostgres(config: {
  url: string;
  schema?: string;
  maxConnections?: number;
}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.maxConnections ?? 10,
    ...(config.schema === undefined ? {} : { options: `-c search_path=${config.schema}` }),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', location: redactPassword(config.url), close: () => db.destroy() };
}

/** A connection URL fit for a log line. */
export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
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
