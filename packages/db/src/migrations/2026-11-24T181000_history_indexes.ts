import type { Kysely } from 'kysely';

// Calibration reads the most recent promises of a kind for an account, for an owner, and of
// every kind: each needs its own index ending in made_at, or a small account's history is found
// only by walking every promise of its kind.
const indexes = [
  { name: 'promises_made', columns: ['made_at'] },
  { name: 'promises_account_kind_made', columns: ['account_id', 'kind', 'made_at'] },
  { name: 'promises_owner_kind_made', columns: ['owner_id', 'kind', 'made_at'] },
];

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  for (const index of indexes) {
    await db.schema.createIndex(index.name).on('promises').columns(index.columns).execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const index of indexes) await db.schema.dropIndex(index.name).execute();
}
