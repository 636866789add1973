import { sql } from 'kysely';
import type { Db } from '../schema/database.ts';
import { type OwnerEffortRow, tallyOwnerEffort, type Window } from './portfolio.queries.ts';

// "Where attention goes" reads two rollups instead of the history (migration
// 2026-11-24T221000_attention_rollups): the effort per UTC day, owner and stage bucket
// (owner_effort_days), and since when each account has been quiet (account_last_touches.quiet_since).

/** The stage bucket effort is counted under: prospects, accounts won, or churned (left out). */
const stageBucket = sql<string>`case when accounts.stage = 'prospect' then 'prospect' when accounts.stage = 'churned' then 'churned' else 'existing' end`;

/** The UTC day an instant falls on. */
const dayOf = (instant: string) => instant.slice(0, 10);

/**
 * Adds a promise made (or a touchpoint done, or takes one back with -1) to its owner's effort on
 * its day, under the account's stage bucket, in the transaction of the write. Accounts change
 * stage nowhere today: a writer that moves one must rebuild (rebuildOwnerEffortDays), as the
 * bucket is the account's current stage.
 */
export async function addOwnerEffort(
  db: Db,
  effort: { at: string; ownerId: string; accountId: string; promises: number; touchpoints: number },
): Promise<void> {
  if (effort.promises === 0 && effort.touchpoints === 0) return;
  await db
    .insertInto('owner_effort_days')
    .columns(['day', 'owner_id', 'stage_bucket', 'promises', 'touchpoints'])
    .expression(
      db
        .selectFrom('accounts')
        .select([
          sql<string>`${dayOf(effort.at)}`.as('day'),
          sql<string>`${effort.ownerId}`.as('owner_id'),
          stageBucket.as('stage_bucket'),
          sql<number>`${effort.promises}`.as('promises'),
          sql<number>`${effort.touchpoints}`.as('touchpoints'),
        ])
        .where('accounts.id', '=', effort.accountId),
    )
    .onConflict((oc) =>
      oc.columns(['day', 'owner_id', 'stage_bucket']).doUpdateSet((eb) => ({
        promises: eb('owner_effort_days.promises', '+', eb.ref('excluded.promises')),
        touchpoints: eb('owner_effort_days.touchpoints', '+', eb.ref('excluded.touchpoints')),
      })),
    )
    .execute();
}

/** The columns of a touchpoint row its effort depends on. */
export interface EffortTouchpoint {
  account_id: string;
  owner_id: string;
  status: string;
  done_at?: string | null | undefined;
}

const countsAsDone = (touchpoint: EffortTouchpoint | undefined) =>
  touchpoint !== undefined &&
  touchpoint.status === 'done' &&
  typeof touchpoint.done_at === 'string';

/**
 * Moves a touchpoint's part in the effort rollup from what its row was to what it is now (either
 * may be absent): a touchpoint counts on its done day for its owner while it is done.
 */
export async function moveTouchpointEffort(
  db: Db,
  change: { before: EffortTouchpoint | undefined; after: EffortTouchpoint | undefined },
): Promise<void> {
  const { before, after } = change;
  const was = countsAsDone(before);
  const is = countsAsDone(after);
  if (
    was &&
    is &&
    before?.owner_id === after?.owner_id &&
    before?.account_id === after?.account_id &&
    dayOf(before?.done_at ?? '') === dayOf(after?.done_at ?? '')
  )
    return;
  if (was && before?.done_at) {
    await addOwnerEffort(db, {
      at: before.done_at,
      ownerId: before.owner_id,
      accountId: before.account_id,
      promises: 0,
      touchpoints: -1,
    });
  }
  if (is && after?.done_at) {
    await addOwnerEffort(db, {
      at: after.done_at,
      ownerId: after.owner_id,
      accountId: after.account_id,
      promises: 0,
      touchpoints: 1,
    });
  }
}

const startOfDay = (day: string) => `${day}T00:00:00.000Z`;
const dayAfter = (day: string) =>
  new Date(Date.parse(startOfDay(day)) + 86_400_000).toISOString().slice(0, 10);

/**
 * Promises made and touchpoints done per owner in [from, to), prospects apart from accounts won
 * (churned ones left out), as tallyOwnerEffort counts them from the history: the whole UTC days
 * from owner_effort_days (at most one row per day, owner and bucket), the two part days at the
 * window's edges from the promises and touchpoints themselves.
 */
export async function tallyOwnerEffortFromDays(db: Db, window: Window): Promise<OwnerEffortRow[]> {
  const firstWholeDay =
    window.from === startOfDay(dayOf(window.from))
      ? dayOf(window.from)
      : dayAfter(dayOf(window.from));
  const endDay = dayOf(window.to);
  if (firstWholeDay >= endDay) return tallyOwnerEffort(db, window);
  const [head, days, tail] = await Promise.all([
    tallyOwnerEffort(db, { from: window.from, to: startOfDay(firstWholeDay) }),
    db
      .selectFrom('owner_effort_days')
      .select((eb) => [
        'owner_id',
        'stage_bucket',
        eb.fn.sum<number | string>('promises').as('promises'),
        eb.fn.sum<number | string>('touchpoints').as('touchpoints'),
      ])
      .where('day', '>=', firstWholeDay)
      .where('day', '<', endDay)
      .where('stage_bucket', '<>', 'churned')
      .groupBy(['owner_id', 'stage_bucket'])
      .execute(),
    startOfDay(endDay) < window.to
      ? tallyOwnerEffort(db, { from: startOfDay(endDay), to: window.to })
      : Promise.resolve([]),
  ]);
  const byOwner = new Map<string, OwnerEffortRow>();
  const owner = (ownerId: string) => {
    const found = byOwner.get(ownerId) ?? {
      ownerId,
      prospect: { promises: 0, touchpoints: 0 },
      existing: { promises: 0, touchpoints: 0 },
    };
    byOwner.set(ownerId, found);
    return found;
  };
  for (const row of days) {
    const side = row.stage_bucket === 'prospect' ? 'prospect' : 'existing';
    owner(row.owner_id)[side].promises += Number(row.promises);
    owner(row.owner_id)[side].touchpoints += Number(row.touchpoints);
  }
  for (const row of [...head, ...tail]) {
    for (const side of ['prospect', 'existing'] as const) {
      owner(row.ownerId)[side].promises += row[side].promises;
      owner(row.ownerId)[side].touchpoints += row[side].touchpoints;
    }
  }
  // An owner whose days netted to nothing (touchpoints undone) is as if never counted.
  return [...byOwner.values()].filter(
    (row) =>
      row.prospect.promises +
        row.prospect.touchpoints +
        row.existing.promises +
        row.existing.touchpoints >
      0,
  );
}

/** Recounts owner_effort_days from the promises and touchpoints (after a bulk load). */
export async function rebuildOwnerEffortDays(db: Db): Promise<void> {
  await db.deleteFrom('owner_effort_days').execute();
  const promiseDay = sql<string>`substr(promises.made_at, 1, 10)`;
  const touchDay = sql<string>`substr(touchpoints.done_at, 1, 10)`;
  const effort = db
    .selectFrom('promises')
    .innerJoin('accounts', 'accounts.id', 'promises.account_id')
    .select([
      promiseDay.as('day'),
      'promises.owner_id as owner_id',
      stageBucket.as('stage_bucket'),
      sql<number>`1`.as('promises'),
      sql<number>`0`.as('touchpoints'),
    ])
    .unionAll(
      db
        .selectFrom('touchpoints')
        .innerJoin('accounts', 'accounts.id', 'touchpoints.account_id')
        .select([
          touchDay.as('day'),
          'touchpoints.owner_id as owner_id',
          stageBucket.as('stage_bucket'),
          sql<number>`0`.as('promises'),
          sql<number>`1`.as('touchpoints'),
        ])
        .where('touchpoints.status', '=', 'done')
        .where('touchpoints.done_at', 'is not', null),
    );
  await db
    .insertInto('owner_effort_days')
    .columns(['day', 'owner_id', 'stage_bucket', 'promises', 'touchpoints'])
    .expression(
      db
        .selectFrom(effort.as('effort'))
        .select((eb) => [
          'effort.day',
          'effort.owner_id',
          'effort.stage_bucket',
          eb.fn.sum<number>('effort.promises').as('promises'),
          eb.fn.sum<number>('effort.touchpoints').as('touchpoints'),
        ])
        .groupBy(['effort.day', 'effort.owner_id', 'effort.stage_bucket']),
    )
    .execute();
}

/** A served account quiet since `quietSince` (its latest touch, else when it was created). */
export interface QuietAccountRow {
  accountId: string;
  accountName: string;
  ownerId: string;
  quietSince: string;
  /** The latest touch of any kind on record; null when there was none (quiet since created). */
  lastTouchAt: string | null;
}

/** Where a page of quiet accounts continues: after this account in (quietSince, accountId) order. */
export interface QuietCursor {
  quietSince: string;
  accountId: string;
}

/**
 * Accounts in the given stages quiet since `quietAtOrBefore` or earlier, longest quiet first,
 * after `after`: the quiet accounts of those stages from account_last_touches_stage_quiet (the
 * stage is kept beside the touches), sorted, the first `limit` looked up.
 */
export async function listQuietAccounts(
  db: Db,
  filter: {
    stages: readonly string[];
    quietAtOrBefore: string;
    limit: number;
    after?: QuietCursor | undefined;
  },
): Promise<QuietAccountRow[]> {
  if (filter.stages.length === 0) return [];
  let query = db
    .selectFrom('account_last_touches')
    .innerJoin('accounts', 'accounts.id', 'account_last_touches.account_id')
    .select([
      'accounts.id',
      'accounts.name',
      'accounts.owner_id',
      'account_last_touches.quiet_since',
      'account_last_touches.promise_made_at',
      'account_last_touches.promise_fulfilled_at',
      'account_last_touches.touchpoint_done_at',
    ])
    .where('account_last_touches.stage', 'in', [...filter.stages])
    .where('account_last_touches.quiet_since', '<=', filter.quietAtOrBefore);
  const { after } = filter;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('account_last_touches.quiet_since', '>', after.quietSince),
        eb.and([
          eb('account_last_touches.quiet_since', '=', after.quietSince),
          eb('account_last_touches.account_id', '>', after.accountId),
        ]),
      ]),
    );
  }
  const rows = await query
    .orderBy('account_last_touches.quiet_since')
    .orderBy('account_last_touches.account_id')
    .limit(filter.limit)
    .execute();
  return rows.map((row) => ({
    accountId: row.id,
    accountName: row.name,
    ownerId: row.owner_id,
    quietSince: String(row.quiet_since),
    lastTouchAt:
      [row.promise_made_at, row.promise_fulfilled_at, row.touchpoint_done_at]
        .filter((at): at is string => typeof at === 'string')
        .sort()
        .at(-1) ?? null,
  }));
}

/**
 * How many accounts in the given stages are quiet since `quietAtOrBefore` or earlier: a range of
 * account_last_touches_stage_quiet per stage, from the index alone.
 */
export async function countQuietAccounts(
  db: Db,
  filter: { stages: readonly string[]; quietAtOrBefore: string },
): Promise<number> {
  if (filter.stages.length === 0) return 0;
  const row = await db
    .selectFrom('account_last_touches')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('stage', 'in', [...filter.stages])
    .where('quiet_since', '<=', filter.quietAtOrBefore)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
