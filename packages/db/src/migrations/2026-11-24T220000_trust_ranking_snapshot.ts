import type { Kysely } from 'kysely';

// The ranking of accounts by trust read every account's evidence and scored each one per request:
// at 10k accounts, 180 ms. It now reads the worker's latest snapshot of the scores (trust_history,
// taken hourly) in score order from `trust_history_ranking` alone (it holds the interval too), and
// rescores now only the accounts with a closing since the snapshot was taken
// (`trust_snapshots.taken_at`, found through `trust_contributions_type_closed`).

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('trust_snapshots')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('trust_history_ranking')
    .on('trust_history')
    .columns(['scope_type', 'day', 'score', 'scope_id', 'low', 'high'])
    .execute();
  await db.schema
    .createIndex('trust_contributions_type_closed')
    .on('trust_contributions')
    .columns(['scope_type', 'closed_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('trust_contributions_type_closed').execute();
  await db.schema.dropIndex('trust_history_ranking').execute();
  await db.schema.dropTable('trust_snapshots').execute();
}
