import type { Kysely } from 'kysely';

// The service-gap dashboard reads the observations of a window across every account (how many
// per term, and each served account's charter compliance). Its only index led with the account,
// so the window was found by scanning every observation ever posted; this one leads with the
// instant, so the read walks the window alone.

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('charter_observations_occurred')
    .on('charter_observations')
    .column('occurred_at')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('charter_observations_occurred').execute();
}
