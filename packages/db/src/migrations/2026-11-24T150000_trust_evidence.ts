import type { Kysely } from 'kysely';

export const trustEvidenceSums = [
  'positive',
  'negative',
  'delivered_weight',
  'lateness_sum',
  'lateness_squared_sum',
  'announced_slip_weight',
  'silent_slip_weight',
  'announced_slips',
  'slips',
  'outcomes',
  'count_early',
  'count_on_time',
  'count_late',
  'count_renegotiated_kept',
  'count_missed',
  'count_released',
  'count_cancelled',
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable('trust_evidence')
    .addColumn('scope_type', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull());
  for (const column of trustEvidenceSums) {
    table = table.addColumn(column, 'double precision', (c) => c.notNull().defaultTo(0));
  }
  await table.addPrimaryKeyConstraint('trust_evidence_pk', ['scope_type', 'scope_id']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('trust_evidence').execute();
}
