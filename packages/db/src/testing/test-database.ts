import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { type DatabaseKind, openDatabase } from '../connection.ts';
import { migrateToLatest } from '../migrate.ts';
import type { Database } from '../schema/database.ts';
import './provided-context.ts';

/** Both stores every db test runs against. */
export const databaseKinds: readonly DatabaseKind[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** For PostgreSQL: a DATABASE_URL that reaches this test's own schema (for server processes). */
  url?: string;
  close(): Promise<void>;
}

/**
 * A migrated, empty database of the given kind: SQLite in memory (or in `sqliteFile`), or a fresh
 * schema of its own on the test PostgreSQL at `postgresUrl`, dropped again on close.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { postgresUrl?: string; sqliteFile?: string } = {},
): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const handle = openDatabase({ kind: 'sqlite', file: options.sqliteFile ?? ':memory:' });
    await migrateToLatest(handle.db);
    return { db: handle.db, kind, close: handle.close };
  }
  const url = options.postgresUrl;
  if (url === undefined) throw new Error('createTestDatabase("postgres") needs a postgresUrl');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await runAdmin(url, `CREATE SCHEMA ${schema}`);
  const schemaUrl = new URL(url);
  schemaUrl.searchParams.set('options', `-c search_path=${schema}`);
  const handle = openDatabase({ kind: 'postgres', url: schemaUrl.toString(), maxConnections: 5 });
  await whileHoldingSchemaLock(url, () => migrateToLatest(handle.db));
  return {
    db: handle.db,
    kind,
    url: schemaUrl.toString(),
    close: async () => {
      await handle.close();
      await whileHoldingSchemaLock(url, (client) => client.query(`DROP SCHEMA ${schema} CASCADE`));
    },
  };
}

/**
 * Kysely's migrator reads the catalog of every schema (its introspection resolves each table by
 * schema name), so a schema dropped by a test running beside it can fail a migration with
 * "schema … does not exist". Migrating a new schema and dropping one take turns on one advisory
 * lock, across every test process using this server.
 */
async function whileHoldingSchemaLock<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('steadfast test schemas'))`);
    return await work(client);
  } finally {
    await client.end();
  }
}

async function runAdmin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Makes every update of the promises projection fail, in either database (for rollback tests). */
export async function refuseProjectionUpdates(database: TestDatabase): Promise<void> {
  if (database.kind === 'sqlite') {
    await sql`CREATE TRIGGER promises_refuse_update BEFORE UPDATE ON promises BEGIN SELECT RAISE(ABORT, 'projection update refused'); END`.execute(
      database.db,
    );
    return;
  }
  await sql`CREATE FUNCTION refuse_update() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'projection update refused'; END $$ LANGUAGE plpgsql`.execute(
    database.db,
  );
  await sql`CREATE TRIGGER promises_refuse_update BEFORE UPDATE ON promises FOR EACH ROW EXECUTE FUNCTION refuse_update()`.execute(
    database.db,
  );
}
