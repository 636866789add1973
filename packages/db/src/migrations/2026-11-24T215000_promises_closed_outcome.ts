import type { Kysely } from 'kysely';

// "Which kinds slip" counts the promises closed in the two part days at its window's edges from
// the promises projection. Through promises_closed (closed_at only) each of those rows was a
// lookup into the table, scattered over it: at 1M promises about two thousand page reads per
// call. This index holds every column the count reads, so the edges are read from it alone. It
// leads with closed_at as promises_closed did, and replaces it (a planner with statistics for the
// old one kept choosing it).

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('promises_closed_outcome')
    .on('promises')
    .columns([
      'closed_at',
      'status',
      'kind',
      'lateness_minutes',
      'renegotiation_count',
      'last_informed_at',
      'due_deadline',
    ])
    .execute();
  await db.schema.dropIndex('promises_closed').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('promises_closed').on('promises').columns(['closed_at']).execute();
  await db.schema.dropIndex('promises_closed_outcome').execute();
}
