import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The client's own business calendar (JSON); null: the company's applies.
  await db.schema.alterTable('accounts').addColumn('calendar', 'text').execute();

  // Business-minute measures of each promise, kept with its projection for the analytics.
  for (const column of [
    'promised_minutes',
    'fulfilled_minutes',
    'closed_minutes',
    'lateness_minutes',
  ]) {
    await db.schema.alterTable('promises').addColumn(column, 'double precision').execute();
  }
  await db.schema
    .createIndex('promises_kind_made')
    .on('promises')
    .columns(['kind', 'made_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('promises_kind_made').execute();
  for (const column of [
    'promised_minutes',
    'fulfilled_minutes',
    'closed_minutes',
    'lateness_minutes',
  ]) {
    await db.schema.alterTable('promises').dropColumn(column).execute();
  }
  await db.schema.alterTable('accounts').dropColumn('calendar').execute();
  await db.schema.dropTable('settings').execute();
}
