import { type Kysely, Migrator, PostgresAdapter, sql } from 'kysely';
import { migrationProvider, migrations } from './migrations/index.ts';
import type { Database } from './schema/database.ts';

/** Brings the schema up to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // A store already at the newest migration (every start but the first) is left alone without
  // Kysely's catalog introspection, which reads every schema on the server.
  if (await isUpToDate(db)) return [];
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    // Kysely looks for its migration tables in every schema unless told which: with another
    // schema on the server holding them (each PostgreSQL test has its own), it would skip creating
    // ours and fail. SQLite has one schema.
    ...(db.getExecutor().adapter instanceof PostgresAdapter
      ? { migrationTableSchema: await currentSchema(db) }
      : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Database migration failed${name}: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Whether every known migration is recorded as applied in this schema's migration table. */
async function isUpToDate(db: Kysely<Database>): Promise<boolean> {
  let applied: Set<string>;
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    applied = new Set(rows.map((row) => row.name));
  } catch {
    // No migration table yet: a new store.
    return false;
  }
  return Object.keys(migrations).every((name) => applied.has(name));
}

/** The schema unqualified names resolve to (the first of the search path). */
async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? 'public';
}
