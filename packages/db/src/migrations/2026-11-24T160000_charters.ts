import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('charters')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_reviewed_at', 'text')
    .addColumn('next_review_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('charters_next_review')
    .on('charters')
    .column('next_review_at')
    .execute();

  await db.schema
    .createTable('charter_versions')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('review_every_months', 'integer', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('charter_versions_pk', ['account_id', 'version'])
    .execute();

  await db.schema
    .createTable('charter_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_version', 'integer', (c) => c.notNull())
    .addColumn('resulting_version', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('charter_reviews_account')
    .on('charter_reviews')
    .columns(['account_id', 'reviewed_at'])
    .execute();

  await db.schema
    .createTable('charter_observations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('term_id', 'text', (c) => c.notNull())
    .addColumn('charter_version', 'integer', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('business_minutes', 'double precision')
    .addColumn('quantity', 'double precision')
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    // NULL references never collide (in SQLite and PostgreSQL alike): only referenced rows dedupe.
    .addUniqueConstraint('charter_observations_term_reference', ['term_id', 'reference'])
    .execute();
  await db.schema
    .createIndex('charter_observations_account_occurred')
    .on('charter_observations')
    .columns(['account_id', 'occurred_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['charter_observations', 'charter_reviews', 'charter_versions', 'charters']) {
    await db.schema.dropTable(table).execute();
  }
}
