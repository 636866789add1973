import type { Kysely } from 'kysely';

// The leader's "at risk" list (running promises flagged at risk, soonest deadline first, 50 at a
// time) found every running promise through promises_status_due and sorted them: bounded by the
// open promises of the whole company. This index leads with the flag and holds the list's order,
// so the read walks the flagged promises in deadline order and stops at the page's end.

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('promises_at_risk_due')
    .on('promises')
    .columns(['at_risk', 'due_deadline', 'id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('promises_at_risk_due').execute();
}
