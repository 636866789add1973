import { type Kysely, sql } from 'kysely';

// The neglected accounts (served ones quiet for the neglect period) were found by walking every
// quiet account, of any stage, in quiet order and looking up each one's stage: at 10k accounts
// thousands of long-quiet prospects and churned accounts for 302 served ones (0.67 ms for the
// count, 0.4 ms for the first 20). The account's stage is now kept beside its touches (an account's
// stage is set when it is created), and the index leads with it.

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('account_last_touches').addColumn('stage', 'text').execute();
  await db
    .updateTable('account_last_touches')
    .set({
      stage: sql`(select accounts.stage from accounts where accounts.id = account_last_touches.account_id)`,
    })
    .execute();
  await db.schema
    .createIndex('account_last_touches_stage_quiet')
    .on('account_last_touches')
    .columns(['stage', 'quiet_since', 'account_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('account_last_touches_stage_quiet').execute();
  await db.schema.alterTable('account_last_touches').dropColumn('stage').execute();
}
