import type { KindOutcomeTally, PromiseKind } from '@steadfast/domain';
import { sql } from 'kysely';
import type { Db } from '../schema/database.ts';

// How a closed promise counts in "which kinds slip": kept on time, kept after renegotiation, late,
// missed, and whether its slip was announced. One definition, used three ways: in SQL over the
// promises projection (a window's edges, the rebuild), and in TypeScript on the write path.

/** The projection's columns an outcome tally reads (a row being written may leave nulls out). */
export interface TalliedPromise {
  kind: string;
  status: string;
  closed_at?: string | null | undefined;
  lateness_minutes?: number | null | undefined;
  renegotiation_count: number;
  last_informed_at?: string | null | undefined;
  due_deadline: string;
}

export const talliedColumns = [
  'kind',
  'status',
  'closed_at',
  'lateness_minutes',
  'renegotiation_count',
  'last_informed_at',
  'due_deadline',
] as const;

type Counts = Omit<KindOutcomeTally, 'kind'>;

const count = (condition: ReturnType<typeof sql>) =>
  sql<number | string>`sum(case when ${condition} then 1 else 0 end)`;

// A slip: renegotiated, delivered after the deadline in force, or missed. The projection keeps the
// latest notice, not each: a slip counts as announced when the customer heard of it at or before
// the deadline finally in force.
const late = sql`status = 'fulfilled' and lateness_minutes > 0`;
const keptOnTime = sql`status = 'fulfilled' and coalesce(lateness_minutes, 0) <= 0 and renegotiation_count = 0`;
const keptRenegotiated = sql`status = 'fulfilled' and coalesce(lateness_minutes, 0) <= 0 and renegotiation_count > 0`;
const missed = sql`status = 'missed'`;
const announcedSlip = sql`(${late} or ${missed} or renegotiation_count > 0) and last_informed_at is not null and last_informed_at <= due_deadline`;

const tallyColumns = [
  count(keptOnTime).as('kept_on_time'),
  count(keptRenegotiated).as('kept_renegotiated'),
  count(late).as('late'),
  count(missed).as('missed'),
  count(announcedSlip).as('announced_slips'),
] as const;

const tallied = ['fulfilled', 'missed'];

/** The UTC day an instant falls on. */
const dayOf = (instant: string) => instant.slice(0, 10);

/** The promise's part in its closing day's tally, or null when it is not a closed outcome. */
export function outcomeTallyOf(promise: TalliedPromise): (Counts & { day: string }) | null {
  const closedAt = promise.closed_at ?? null;
  if (closedAt === null || !tallied.includes(promise.status)) return null;
  const fulfilled = promise.status === 'fulfilled';
  const lateness = Number(promise.lateness_minutes ?? 0);
  const renegotiations = Number(promise.renegotiation_count);
  const isLate = fulfilled && lateness > 0;
  const isMissed = promise.status === 'missed';
  const announced =
    (isLate || isMissed || renegotiations > 0) &&
    promise.last_informed_at != null &&
    promise.last_informed_at <= promise.due_deadline;
  return {
    day: dayOf(closedAt),
    keptOnTime: fulfilled && lateness <= 0 && renegotiations === 0 ? 1 : 0,
    keptRenegotiated: fulfilled && lateness <= 0 && renegotiations > 0 ? 1 : 0,
    late: isLate ? 1 : 0,
    missed: isMissed ? 1 : 0,
    announcedSlips: announced ? 1 : 0,
  };
}

async function addToDay(
  db: Db,
  entry: { day: string; kind: string; counts: Counts; sign: 1 | -1 },
): Promise<void> {
  const { counts, sign } = entry;
  const values = {
    kept_on_time: sign * counts.keptOnTime,
    kept_renegotiated: sign * counts.keptRenegotiated,
    late: sign * counts.late,
    missed: sign * counts.missed,
    announced_slips: sign * counts.announcedSlips,
  };
  await db
    .insertInto('kind_outcome_days')
    .values({ day: entry.day, kind: entry.kind, ...values })
    .onConflict((oc) =>
      oc.columns(['day', 'kind']).doUpdateSet((eb) => ({
        kept_on_time: eb('kind_outcome_days.kept_on_time', '+', eb.ref('excluded.kept_on_time')),
        kept_renegotiated: eb(
          'kind_outcome_days.kept_renegotiated',
          '+',
          eb.ref('excluded.kept_renegotiated'),
        ),
        late: eb('kind_outcome_days.late', '+', eb.ref('excluded.late')),
        missed: eb('kind_outcome_days.missed', '+', eb.ref('excluded.missed')),
        announced_slips: eb(
          'kind_outcome_days.announced_slips',
          '+',
          eb.ref('excluded.announced_slips'),
        ),
      })),
    )
    .execute();
}

/**
 * Moves a promise's part in the daily outcome tallies from what its projection row was to what it
 * is now (either may be absent): called in the transaction that changes the row, so the rollup
 * never disagrees with the projection. Most changes (an open promise staying open) touch nothing.
 */
export async function moveOutcomeTally(
  db: Db,
  change: { before: TalliedPromise | undefined; after: TalliedPromise | undefined },
): Promise<void> {
  const before = change.before && outcomeTallyOf(change.before);
  const after = change.after && outcomeTallyOf(change.after);
  if (!before && !after) return;
  if (
    before &&
    after &&
    change.before?.kind === change.after?.kind &&
    JSON.stringify(before) === JSON.stringify(after)
  )
    return;
  if (before && change.before)
    await addToDay(db, { day: before.day, kind: change.before.kind, counts: before, sign: -1 });
  if (after && change.after)
    await addToDay(db, { day: after.day, kind: change.after.kind, counts: after, sign: 1 });
}

/**
 * `moveOutcomeTally` for many promises' changes at once: their moves are summed per day and kind
 * and each day and kind is written once. The same days and kinds are touched (a row is made for
 * each, even when its moves cancel out) and they end with the same counts.
 */
export async function moveOutcomeTallies(
  db: Db,
  changes: readonly { before: TalliedPromise | undefined; after: TalliedPromise | undefined }[],
): Promise<void> {
  const sums = new Map<string, { day: string; kind: string; counts: Counts }>();
  const add = (promise: TalliedPromise, tally: Counts & { day: string }, sign: 1 | -1) => {
    const key = `${tally.day}\u0000${promise.kind}`;
    let entry = sums.get(key);
    if (entry === undefined) {
      entry = {
        day: tally.day,
        kind: promise.kind,
        counts: { keptOnTime: 0, keptRenegotiated: 0, late: 0, missed: 0, announcedSlips: 0 },
      };
      sums.set(key, entry);
    }
    for (const column of Object.keys(entry.counts) as (keyof Counts)[])
      entry.counts[column] += sign * tally[column];
  };
  for (const change of changes) {
    const before = change.before && outcomeTallyOf(change.before);
    const after = change.after && outcomeTallyOf(change.after);
    if (
      before &&
      after &&
      change.before?.kind === change.after?.kind &&
      JSON.stringify(before) === JSON.stringify(after)
    )
      continue;
    if (before && change.before) add(change.before, before, -1);
    if (after && change.after) add(change.after, after, 1);
  }
  for (const { day, kind, counts } of sums.values())
    await addToDay(db, { day, kind, counts, sign: 1 });
}

/** The tally columns of one promise's projection row, for `moveOutcomeTally`'s `before`. */
export async function findTalliedPromise(
  db: Db,
  promiseId: string,
): Promise<TalliedPromise | undefined> {
  return db
    .selectFrom('promises')
    .select([...talliedColumns])
    .where('id', '=', promiseId)
    .executeTakeFirst();
}

/** The tally columns of many promises' projection rows, by id (chunked under bind limits). */
export async function findTalliedPromises(
  db: Db,
  promiseIds: readonly string[],
): Promise<Map<string, TalliedPromise>> {
  const found = new Map<string, TalliedPromise>();
  for (let start = 0; start < promiseIds.length; start += 500) {
    const rows = await db
      .selectFrom('promises')
      .select(['id', ...talliedColumns])
      .where('id', 'in', promiseIds.slice(start, start + 500))
      .execute();
    for (const { id, ...row } of rows) found.set(id, row);
  }
  return found;
}

/**
 * Recounts the daily outcome tallies from the promises projection: after a bulk load that wrote
 * promises without the write path (an import, the benchmark's generator). One grouped scan.
 */
export async function rebuildKindOutcomeDays(db: Db): Promise<void> {
  await db.deleteFrom('kind_outcome_days').execute();
  const day = sql<string>`substr(closed_at, 1, 10)`;
  await db
    .insertInto('kind_outcome_days')
    .columns([
      'day',
      'kind',
      'kept_on_time',
      'kept_renegotiated',
      'late',
      'missed',
      'announced_slips',
    ])
    .expression(
      db
        .selectFrom('promises')
        .select([day.as('day'), 'kind', ...tallyColumns])
        .where('closed_at', 'is not', null)
        .where('status', 'in', tallied)
        .groupBy([day, 'kind']),
    )
    .execute();
}

type TallyRow = {
  kind: string;
  kept_on_time: number | string | null;
  kept_renegotiated: number | string | null;
  late: number | string | null;
  missed: number | string | null;
  announced_slips: number | string | null;
};

/** Counts of promises closed in [from, to), straight from the projection (for a window's edges). */
async function tallyClosedBetween(db: Db, from: string, to: string): Promise<TallyRow[]> {
  if (from >= to) return [];
  return db
    .selectFrom('promises')
    .select(['kind', ...tallyColumns])
    .where('closed_at', '>=', from)
    .where('closed_at', '<', to)
    .where('status', 'in', tallied)
    .groupBy('kind')
    .execute();
}

const startOfDay = (day: string) => `${day}T00:00:00.000Z`;
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * How the promises closed in [from, to) ended, per kind. The whole UTC days inside the window
 * come from the daily rollup (at most one row per day and kind); only the two part days at its
 * edges are counted from the projection, each bounded by one day's closings (index
 * promises_closed_outcome, which holds every column counted).
 */
export async function tallyKindOutcomesBetween(
  db: Db,
  window: { from: string; to: string },
): Promise<KindOutcomeTally[]> {
  const firstWholeDay =
    window.from === startOfDay(dayOf(window.from))
      ? dayOf(window.from)
      : dayAfter(dayOf(window.from));
  const endDay = dayOf(window.to);
  const parts: TallyRow[] = [];
  if (firstWholeDay >= endDay) {
    parts.push(...(await tallyClosedBetween(db, window.from, window.to)));
  } else {
    parts.push(...(await tallyClosedBetween(db, window.from, startOfDay(firstWholeDay))));
    parts.push(
      ...(await db
        .selectFrom('kind_outcome_days')
        .select((eb) => [
          'kind',
          eb.fn.sum<number | string>('kept_on_time').as('kept_on_time'),
          eb.fn.sum<number | string>('kept_renegotiated').as('kept_renegotiated'),
          eb.fn.sum<number | string>('late').as('late'),
          eb.fn.sum<number | string>('missed').as('missed'),
          eb.fn.sum<number | string>('announced_slips').as('announced_slips'),
        ])
        .where('day', '>=', firstWholeDay)
        .where('day', '<', endDay)
        .groupBy('kind')
        .execute()),
    );
    parts.push(...(await tallyClosedBetween(db, startOfDay(endDay), window.to)));
  }
  const byKind = new Map<string, KindOutcomeTally>();
  for (const row of parts) {
    const tally = byKind.get(row.kind) ?? {
      kind: row.kind as PromiseKind,
      keptOnTime: 0,
      keptRenegotiated: 0,
      late: 0,
      missed: 0,
      announcedSlips: 0,
    };
    tally.keptOnTime += Number(row.kept_on_time ?? 0);
    tally.keptRenegotiated += Number(row.kept_renegotiated ?? 0);
    tally.late += Number(row.late ?? 0);
    tally.missed += Number(row.missed ?? 0);
    tally.announcedSlips += Number(row.announced_slips ?? 0);
    byKind.set(row.kind, tally);
  }
  // A kind whose days all netted to zero (its promises reopened or moved) is as if never counted.
  return [...byKind.values()].filter(
    (t) => t.keptOnTime + t.keptRenegotiated + t.late + t.missed + t.announcedSlips > 0,
  );
}
