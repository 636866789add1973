import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('touchpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('promise_id', 'text', (c) => c.references('promises.id'))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    .addColumn('dismissed_at', 'text')
    .addColumn('dismiss_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addCheckConstraint('touchpoints_version_positive', sql`version >= 1`)
    // A moment is stored once per account: concurrent suggesters insert … on conflict do nothing.
    .addUniqueConstraint('touchpoints_account_dedupe_key', ['account_id', 'dedupe_key'])
    .execute();
  await db.schema
    .createIndex('touchpoints_account_due')
    .on('touchpoints')
    .columns(['account_id', 'due_at'])
    .execute();
  await db.schema
    .createIndex('touchpoints_owner_status_due')
    .on('touchpoints')
    .columns(['owner_id', 'status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('touchpoints_status_due')
    .on('touchpoints')
    .columns(['status', 'due_at'])
    .execute();
  // The touchpoint rules read an account's most recent fulfilments from the projection.
  await db.schema
    .createIndex('promises_account_status_fulfilled')
    .on('promises')
    .columns(['account_id', 'status', 'fulfilled_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('promises_account_status_fulfilled').execute();
  await db.schema.dropTable('touchpoints').execute();
}
