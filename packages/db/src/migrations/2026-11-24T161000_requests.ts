import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('wanted_by', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('promise_id', 'text', (c) => c.references('promises.id'))
    .addColumn('counter_offer', 'text')
    .addColumn('counter_condition', 'text')
    .addColumn('counter_within', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('requests_version_positive', sql`version >= 1`)
    .execute();
  await db.schema
    .createIndex('requests_account_asked')
    .on('requests')
    .columns(['account_id', 'asked_at'])
    .execute();
  await db.schema
    .createIndex('requests_status_asked')
    .on('requests')
    .columns(['status', 'asked_at'])
    .execute();
  await db.schema
    .createIndex('requests_owner_status')
    .on('requests')
    .columns(['owner_id', 'status'])
    .execute();

  await db.schema
    .createTable('friction_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('policy_key', 'text', (c) => c.notNull())
    .addColumn('what_happened', 'text', (c) => c.notNull())
    .addColumn('impact', 'text', (c) => c.notNull())
    .addColumn('cost_amount', 'double precision')
    .addColumn('cost_currency', 'text')
    .addColumn('reported_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('friction_reports_occurred')
    .on('friction_reports')
    .columns(['occurred_at'])
    .execute();
  await db.schema
    .createIndex('friction_reports_policy_occurred')
    .on('friction_reports')
    .columns(['policy_key', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('satisfaction_signals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('score_value', 'double precision')
    .addColumn('score_min', 'double precision')
    .addColumn('score_max', 'double precision')
    .addColumn('normalised_score', 'double precision')
    .addColumn('words', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .execute();
  await db.schema
    .createIndex('satisfaction_signals_account_received')
    .on('satisfaction_signals')
    .columns(['account_id', 'received_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['satisfaction_signals', 'friction_reports', 'requests']) {
    await db.schema.dropTable(table).execute();
  }
}
