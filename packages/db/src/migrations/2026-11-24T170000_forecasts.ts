import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('forecasts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('promise_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('made_at', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('forecasts_made').on('forecasts').columns(['made_at']).execute();
  await db.schema
    .createIndex('forecasts_promise')
    .on('forecasts')
    .columns(['promise_id'])
    .execute();

  await db.schema
    .createTable('promise_resolutions')
    .addColumn('promise_id', 'text', (c) => c.primaryKey())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('trust_contributions')
    .addColumn('scope_type', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('promise_id', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('outcome_kind', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('trust_contributions_pk', ['scope_type', 'scope_id', 'promise_id'])
    .execute();
  await db.schema
    .createIndex('trust_contributions_closed')
    .on('trust_contributions')
    .columns(['scope_type', 'scope_id', 'closed_at'])
    .execute();

  await db.schema
    .createTable('trust_history')
    .addColumn('scope_type', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('low', 'double precision', (c) => c.notNull())
    .addColumn('high', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('trust_history_pk', ['scope_type', 'scope_id', 'day'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'trust_history',
    'trust_contributions',
    'promise_resolutions',
    'forecasts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
