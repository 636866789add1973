import type { Instant } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';

/** The gaps over a window as worked out at `takenAt`: the dashboard's part and every account. */
export interface ServiceGapSnapshot {
  days: number;
  takenAt: Instant;
  window: { from: Instant; to: Instant };
  /** JSON: what the dashboard shows (bounded). */
  summary: string;
  /** JSON: every account each gap names. */
  accounts: string;
}

/** Keeps (or replaces) the gaps over the last `days`. */
export async function saveServiceGapSnapshot(db: Db, snapshot: ServiceGapSnapshot): Promise<void> {
  const values = {
    taken_at: snapshot.takenAt,
    window_from: snapshot.window.from,
    window_to: snapshot.window.to,
    summary: snapshot.summary,
    accounts: snapshot.accounts,
  };
  await db
    .insertInto('service_gap_snapshots')
    .values({ days: snapshot.days, ...values })
    .onConflict((oc) => oc.column('days').doUpdateSet(values))
    .execute();
}

/** The kept gaps over the last `days`: the dashboard's part only (`part: 'summary'`) or the accounts. */
export async function findServiceGapSnapshot(
  db: Db,
  days: number,
  part: 'summary' | 'accounts',
): Promise<{ takenAt: Instant; window: { from: Instant; to: Instant }; json: string } | undefined> {
  const row = await db
    .selectFrom('service_gap_snapshots')
    .select(['taken_at', 'window_from', 'window_to', part])
    .where('days', '=', days)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    takenAt: row.taken_at,
    window: { from: row.window_from, to: row.window_to },
    json:
      part === 'summary'
        ? (row as { summary: string }).summary
        : (row as { accounts: string }).accounts,
  };
}
