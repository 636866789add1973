import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from '../schema/database.ts';

/**
 * Every row of every table of the store, each table's rows sorted: two snapshots are equal exactly
 * when nothing was written in between. On PostgreSQL only the test's own schema is read.
 */
export async function storeSnapshot(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of await tableNames(db)) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    snapshot[table] = rows.rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}

/**
 * The store's tables, read from its own schema only: Kysely's introspection reads every schema on
 * the server and can fail on one that a test running beside it drops meanwhile.
 */
async function tableNames(db: Kysely<Database>): Promise<string[]> {
  const { rows } =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%'`.execute(db);
  return rows.map((row) => row.name).sort();
}
