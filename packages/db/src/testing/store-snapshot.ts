import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema/database.ts';

/**
 * Every row of every table of the store, each table's rows sorted: two snapshots are equal exactly
 * when nothing was written in between. On PostgreSQL only the test's own schema is read.
 */
export async function storeSnapshot(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const tables = await db.introspection.getTables();
  const schema = await currentSchema(db);
  const snapshot: Record<string, string[]> = {};
  for (const table of tables) {
    if (schema !== null && table.schema !== schema) continue;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(
      db,
    );
    snapshot[table.name] = rows.rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}

async function currentSchema(db: Kysely<Database>): Promise<string | null> {
  try {
    const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    return result.rows[0]?.schema ?? null;
  } catch {
    return null; // SQLite has one schema and no current_schema()
  }
}
