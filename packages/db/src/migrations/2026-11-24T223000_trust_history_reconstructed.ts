import type { Kysely } from 'kysely';

// The monthly trust trend rebuilt each month-end before snapshots began from today's evidence
// less the closings since, scoring each (two Beta quantiles, ~0.2 ms at a big company's evidence)
// on every read. The worker now keeps those month-ends in trust_history once, marked as
// reconstructed rather than observed, and the trend reads them like any snapshot.

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('trust_history')
    .addColumn('reconstructed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('trust_history').dropColumn('reconstructed').execute();
}
