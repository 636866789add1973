import { type Kysely, sql } from 'kysely';

// "Which kinds slip" counted a year of closed promises on every read. It now reads a daily rollup:
// per UTC day of closing and kind, the promises kept on time, kept after renegotiation, late,
// missed, and the slips announced first; kept on write beside the promises projection. The
// backfill counts the promises already closed, with the same rules as the write path.

const count = (condition: ReturnType<typeof sql>) =>
  sql<number>`sum(case when ${condition} then 1 else 0 end)`;
const late = sql`status = 'fulfilled' and lateness_minutes > 0`;

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kind_outcome_days')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('kept_on_time', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('kept_renegotiated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('missed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('announced_slips', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('kind_outcome_days_pk', ['day', 'kind'])
    .execute();
  const day = sql`substr(closed_at, 1, 10)`;
  await db
    .insertInto('kind_outcome_days')
    .columns([
      'day',
      'kind',
      'kept_on_time',
      'kept_renegotiated',
      'late',
      'missed',
      'announced_slips',
    ])
    .expression(
      db
        .selectFrom('promises')
        .select([
          day.as('day'),
          'kind',
          count(
            sql`status = 'fulfilled' and coalesce(lateness_minutes, 0) <= 0 and renegotiation_count = 0`,
          ).as('kept_on_time'),
          count(
            sql`status = 'fulfilled' and coalesce(lateness_minutes, 0) <= 0 and renegotiation_count > 0`,
          ).as('kept_renegotiated'),
          count(late).as('late'),
          count(sql`status = 'missed'`).as('missed'),
          count(
            sql`(${late} or status = 'missed' or renegotiation_count > 0) and last_informed_at is not null and last_informed_at <= due_deadline`,
          ).as('announced_slips'),
        ])
        .where('closed_at', 'is not', null)
        .where('status', 'in', ['fulfilled', 'missed'])
        .groupBy([day, 'kind']),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kind_outcome_days').execute();
}
