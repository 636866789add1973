import type { Kysely } from 'kysely';

// Attention reads, on every call, the window's rows of owner_effort_days (a table row per day,
// owner and stage bucket after its key: 0.67 ms for 2.4k rows at 1M promises) and counts the
// quiet served accounts (a table row per quiet account for its stage: 0.48 ms for 890 at 10k
// accounts). Both from indexes alone now.

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('owner_effort_days_covering')
    .on('owner_effort_days')
    .columns(['day', 'stage_bucket', 'owner_id', 'promises', 'touchpoints'])
    .execute();
  await db.schema
    .createIndex('accounts_id_stage')
    .on('accounts')
    .columns(['id', 'stage'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('accounts_id_stage').execute();
  await db.schema.dropIndex('owner_effort_days_covering').execute();
}
