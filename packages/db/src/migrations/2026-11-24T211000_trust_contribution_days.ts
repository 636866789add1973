import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { trustEvidenceSums } from './2026-11-24T150000_trust_evidence.ts';

// The monthly trust trend reconstructed each past month-end by walking every contribution of the
// promises closed since (a year of a company's closings on every read). It now reads per scope one
// sum per UTC day of closing, kept on write beside trust_contributions. The backfill sums the
// contributions already stored.

const jsonPaths: Record<(typeof trustEvidenceSums)[number], string> = {
  positive: 'positive',
  negative: 'negative',
  delivered_weight: 'deliveredWeight',
  lateness_sum: 'latenessSum',
  lateness_squared_sum: 'latenessSquaredSum',
  announced_slip_weight: 'announcedSlipWeight',
  silent_slip_weight: 'silentSlipWeight',
  announced_slips: 'announcedSlips',
  slips: 'slips',
  outcomes: 'outcomes',
  count_early: 'counts.early',
  count_on_time: 'counts.on_time',
  count_late: 'counts.late',
  count_renegotiated_kept: 'counts.renegotiated_kept',
  count_missed: 'counts.missed',
  count_released: 'counts.released',
  count_cancelled: 'counts.cancelled',
};

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable('trust_contribution_days')
    .addColumn('scope_type', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull());
  for (const column of trustEvidenceSums) {
    table = table.addColumn(column, 'double precision', (c) => c.notNull().defaultTo(0));
  }
  await table
    .addPrimaryKeyConstraint('trust_contribution_days_pk', ['scope_type', 'scope_id', 'day'])
    .execute();

  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const field = (path: string) =>
    postgres
      ? sql`(evidence::jsonb #>> ${sql.lit(`{${path.replace('.', ',')}}`)})::double precision`
      : sql`json_extract(evidence, ${sql.lit(`$.${path}`)})`;
  const day = sql`substr(closed_at, 1, 10)`;
  await db
    .insertInto('trust_contribution_days')
    .columns(['scope_type', 'scope_id', 'day', ...trustEvidenceSums])
    .expression(
      db
        .selectFrom('trust_contributions')
        .select([
          'scope_type',
          'scope_id',
          day.as('day'),
          ...trustEvidenceSums.map((column) => sql`sum(${field(jsonPaths[column])})`.as(column)),
        ])
        .groupBy(['scope_type', 'scope_id', day]),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('trust_contribution_days').execute();
}
