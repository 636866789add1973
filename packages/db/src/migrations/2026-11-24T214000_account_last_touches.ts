import type { Kysely } from 'kysely';

// Neglected accounts: each served account's latest touch was found by scanning every promise made
// since the neglect period began (an index scan over all promises) and, for each quiet account,
// every one of its promises. It is now one row per account, moved forward on write; the backfill
// takes the latest of each kind from the promises and touchpoints already stored.
// The effort per manager counts the promises made in a window with their account and owner: an
// index holding those three answers it from the index alone, without a row lookup per promise.

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_last_touches')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('promise_made_at', 'text')
    .addColumn('promise_fulfilled_at', 'text')
    .addColumn('touchpoint_done_at', 'text')
    .execute();
  await db
    .insertInto('account_last_touches')
    .columns(['account_id', 'promise_made_at', 'promise_fulfilled_at', 'touchpoint_done_at'])
    .expression(
      db.selectFrom('accounts').select((eb) => [
        'accounts.id',
        eb
          .selectFrom('promises')
          .select((p) => p.fn.max('made_at').as('m'))
          .whereRef('promises.account_id', '=', 'accounts.id')
          .as('promise_made_at'),
        eb
          .selectFrom('promises')
          .select((p) => p.fn.max('fulfilled_at').as('f'))
          .whereRef('promises.account_id', '=', 'accounts.id')
          .as('promise_fulfilled_at'),
        eb
          .selectFrom('touchpoints')
          .select((t) => t.fn.max('done_at').as('d'))
          .whereRef('touchpoints.account_id', '=', 'accounts.id')
          .where('touchpoints.status', '=', 'done')
          .as('touchpoint_done_at'),
      ]),
    )
    .execute();
  await db.schema
    .createIndex('promises_made_account_owner')
    .on('promises')
    .columns(['made_at', 'account_id', 'owner_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('promises_made_account_owner').execute();
  await db.schema.dropTable('account_last_touches').execute();
}
