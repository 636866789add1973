import type { Kysely } from 'kysely';

// Service gaps judged every observation of the window against its account's charter versions on
// every request (193k observations at 1M, a table lookup each, then the domain's judgement). Each
// observation now keeps its verdict (within, over, unmeasured, no_term), written when it is
// stored and again for an account when its charter gets a version or its calendar changes; the
// gaps count verdicts per account and term from one index holding every column they read.
// Stored before: null, "not judged yet". The judgement is the domain's (the charter's versions and
// the account's calendar), so it is filled by the API (rebuildObservationVerdicts) rather than
// here; until then the gaps judge such an account's observations as they did.

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('charter_observations').addColumn('verdict', 'text').execute();
  await db.schema
    .createIndex('charter_observations_verdicts')
    .on('charter_observations')
    .columns(['occurred_at', 'account_id', 'term_id', 'verdict'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('charter_observations_verdicts').execute();
  await db.schema.alterTable('charter_observations').dropColumn('verdict').execute();
}
