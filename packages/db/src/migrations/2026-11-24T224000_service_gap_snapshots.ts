import type { Kysely } from 'kysely';

// The service-quality gaps judge every served account's charter over the window: their cost grows
// with the accounts (30 ms at 1k, 500 ms at 10k). The worker now works out the dashboard's window
// hourly and keeps the answer here: the bounded part the dashboard shows (`summary`: each gap's
// parts, its count and first accounts) apart from every account named (`accounts`, for paging).

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_gap_snapshots')
    .addColumn('days', 'integer', (c) => c.primaryKey())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('accounts', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('service_gap_snapshots').execute();
}
