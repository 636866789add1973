import type { Kysely } from 'kysely';

// The web admin's portfolio reads look at a window of recent activity: promises closed in the
// last year (which kinds slip), touchpoints done and satisfaction signals received in a window
// (attention, churn risk). Each needs an index leading with its instant, so that the read walks
// the window and never the whole history.
const indexes = [
  { name: 'promises_closed', table: 'promises', columns: ['closed_at'] },
  { name: 'touchpoints_status_done', table: 'touchpoints', columns: ['status', 'done_at'] },
  {
    name: 'satisfaction_signals_received',
    table: 'satisfaction_signals',
    columns: ['received_at'],
  },
];

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  for (const index of indexes) {
    await db.schema.createIndex(index.name).on(index.table).columns(index.columns).execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const index of indexes) await db.schema.dropIndex(index.name).execute();
}
