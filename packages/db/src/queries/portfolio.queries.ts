import type { CharterVersion, KindOutcomeTally } from '@steadfast/domain';
import { sql } from 'kysely';
import type { Db } from '../schema/database.ts';
import { findAccountLastTouch } from './account-last-touches.queries.ts';
import { rowToVersion } from './charter.mapping.ts';
import { tallyKindOutcomesBetween } from './kind-outcome-days.queries.ts';

// The leadership dashboards read aggregates, never the event history: every read here is either
// bounded by a window of time walked through an index that leads with its instant (migration
// 2026-11-24T203000_web_admin), or by the number of accounts (one row per account).

/** A window of time [from, to). */
export interface Window {
  from: string;
  to: string;
}

/**
 * How the promises closed in the window ended, per kind: whole days from the daily rollup
 * (kind_outcome_days, at most one row per day and kind), the part days at the window's edges from
 * the promises projection (covering index promises_closed_outcome). At most one row per kind comes back.
 */
export async function tallyKindOutcomes(db: Db, window: Window): Promise<KindOutcomeTally[]> {
  return tallyKindOutcomesBetween(db, window);
}

/** Effort of one owner in a window, split by whether the account is (now) a prospect. */
export interface OwnerEffortRow {
  ownerId: string;
  prospect: { promises: number; touchpoints: number };
  existing: { promises: number; touchpoints: number };
}

/**
 * Promises made and touchpoints done per owner in the window, for prospects and for accounts
 * already won (churned ones left out). The account's current stage decides which. Bounded by the
 * promises made (index promises_made) and touchpoints done (touchpoints_status_done) in the window.
 */
export async function tallyOwnerEffort(db: Db, window: Window): Promise<OwnerEffortRow[]> {
  const isProspect = sql<number>`case when accounts.stage = 'prospect' then 1 else 0 end`;
  const promises = await db
    .selectFrom('promises')
    .innerJoin('accounts', 'accounts.id', 'promises.account_id')
    .select((eb) => [
      'promises.owner_id as owner_id',
      isProspect.as('prospect'),
      eb.fn.countAll<number | string>().as('n'),
    ])
    .where('promises.made_at', '>=', window.from)
    .where('promises.made_at', '<', window.to)
    .where('accounts.stage', '<>', 'churned')
    .groupBy(['promises.owner_id', isProspect])
    .execute();
  const touchpoints = await db
    .selectFrom('touchpoints')
    .innerJoin('accounts', 'accounts.id', 'touchpoints.account_id')
    .select((eb) => [
      'touchpoints.owner_id as owner_id',
      isProspect.as('prospect'),
      eb.fn.countAll<number | string>().as('n'),
    ])
    .where('touchpoints.status', '=', 'done')
    .where('touchpoints.done_at', '>=', window.from)
    .where('touchpoints.done_at', '<', window.to)
    .where('accounts.stage', '<>', 'churned')
    .groupBy(['touchpoints.owner_id', isProspect])
    .execute();
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
  for (const row of promises) {
    const side = Number(row.prospect) === 1 ? 'prospect' : 'existing';
    owner(row.owner_id)[side].promises += Number(row.n);
  }
  for (const row of touchpoints) {
    const side = Number(row.prospect) === 1 ? 'prospect' : 'existing';
    owner(row.owner_id)[side].touchpoints += Number(row.n);
  }
  return [...byOwner.values()];
}

/** A served account and its latest touch since `since`. */
export interface AccountTouchRow {
  accountId: string;
  accountName: string;
  ownerId: string;
  createdAt: string;
  lastTouchAt: string | null;
}

/**
 * Accounts in the given stages with their latest touch (promise made, touchpoint done) at or after
 * `since`; null when there was none. One row per account: the accounts with their latest touches
 * (account_last_touches, kept on write), never the promises or touchpoints themselves.
 */
export async function listLastTouches(
  db: Db,
  filter: { stages: readonly string[]; since: string },
): Promise<AccountTouchRow[]> {
  if (filter.stages.length === 0) return [];
  const accounts = await db
    .selectFrom('accounts')
    .leftJoin('account_last_touches', 'account_last_touches.account_id', 'accounts.id')
    .select([
      'accounts.id',
      'accounts.name',
      'accounts.owner_id',
      'accounts.created_at',
      'account_last_touches.promise_made_at',
      'account_last_touches.touchpoint_done_at',
    ])
    .where('accounts.stage', 'in', [...filter.stages])
    .orderBy('accounts.name')
    .execute();
  return accounts.map((account) => {
    // The latest touch since `since` is the latest touch ever, if that is since `since`.
    const latest = [account.promise_made_at, account.touchpoint_done_at]
      .filter((at): at is string => typeof at === 'string' && at >= filter.since)
      .sort()
      .at(-1);
    return {
      accountId: account.id,
      accountName: account.name,
      ownerId: account.owner_id,
      createdAt: account.created_at,
      lastTouchAt: latest ?? null,
    };
  });
}

/**
 * The latest touch of one account over its whole record: a promise made or fulfilled, or a
 * touchpoint done; null if none. One row (account_last_touches, kept on write).
 */
export async function lastAccountTouchAt(db: Db, accountId: string): Promise<string | null> {
  const touch = await findAccountLastTouch(db, accountId);
  const moments = [touch?.promiseMadeAt, touch?.promiseFulfilledAt, touch?.touchpointDoneAt].filter(
    (moment): moment is string => typeof moment === 'string',
  );
  return moments.sort().at(-1) ?? null;
}

/** When a churn risk first appeared on an account in the window: its first poor satisfaction score. */
export interface ChurnRiskRow {
  accountId: string;
  accountName: string;
  ownerId: string;
  riskAt: string;
}

/**
 * Accounts whose customer gave a score at or below `atMost` (0–1) in the window, with the first
 * such moment. Bounded by the signals received in the window (index satisfaction_signals_received).
 */
export async function listChurnRiskMoments(
  db: Db,
  filter: Window & { atMost: number },
): Promise<ChurnRiskRow[]> {
  // The window's poor scores first, grouped per account, then each account looked up: joined the
  // other way round a planner may walk every account and probe its signals (SQLite did: 0.5 ms at
  // 10k accounts with no signal at all).
  const firstPoorScores = db
    .selectFrom('satisfaction_signals')
    .select((eb) => ['account_id', eb.fn.min('received_at').as('risk_at')])
    .where('received_at', '>=', filter.from)
    .where('received_at', '<', filter.to)
    .where('normalised_score', '<=', filter.atMost)
    .groupBy('account_id')
    .as('risks');
  const rows = await db
    .selectFrom(firstPoorScores)
    .innerJoin('accounts', 'accounts.id', 'risks.account_id')
    .select([
      'accounts.id as account_id',
      'accounts.name as account_name',
      'accounts.owner_id as owner_id',
      'risks.risk_at as risk_at',
    ])
    .orderBy('accounts.id')
    .execute();
  return rows.map((row) => ({
    accountId: row.account_id,
    accountName: row.account_name,
    ownerId: row.owner_id,
    riskAt: String(row.risk_at),
  }));
}

/**
 * Promises made plus touchpoints done for one account in a window. Bounded by that account's
 * promises (index promises_account_kind_made leads with the account) and touchpoints.
 */
export async function countAccountTouches(
  db: Db,
  filter: Window & { accountId: string },
): Promise<number> {
  const promises = await db
    .selectFrom('promises')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('account_id', '=', filter.accountId)
    .where('made_at', '>=', filter.from)
    .where('made_at', '<', filter.to)
    .executeTakeFirstOrThrow();
  const touchpoints = await db
    .selectFrom('touchpoints')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('account_id', '=', filter.accountId)
    .where('status', '=', 'done')
    .where('done_at', '>=', filter.from)
    .where('done_at', '<', filter.to)
    .executeTakeFirstOrThrow();
  return Number(promises.n) + Number(touchpoints.n);
}

/** The current charter version of every account in the given stages that has one. */
export async function listCurrentCharterVersions(
  db: Db,
  filter: { stages: readonly string[] },
): Promise<(CharterVersion & { accountName: string })[]> {
  if (filter.stages.length === 0) return [];
  // One row per account with a charter: bounded by the number of accounts.
  const rows = await db
    .selectFrom('charters')
    .innerJoin('accounts', 'accounts.id', 'charters.account_id')
    .innerJoin('charter_versions', (join) =>
      join
        .onRef('charter_versions.account_id', '=', 'charters.account_id')
        .onRef('charter_versions.version', '=', 'charters.current_version'),
    )
    .selectAll('charter_versions')
    .select('accounts.name as account_name')
    .where('accounts.stage', 'in', [...filter.stages])
    .orderBy('accounts.name')
    .execute();
  return rows.map(({ account_name, ...row }) => ({
    ...rowToVersion(row),
    accountName: account_name,
  }));
}

/** Observations per charter term in the window: bounded by the observations of the window. */
export async function countObservationsByTerm(
  db: Db,
  window: Window,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('charter_observations')
    .select((eb) => ['term_id', eb.fn.countAll<number | string>().as('n')])
    .where('occurred_at', '>=', window.from)
    .where('occurred_at', '<', window.to)
    .groupBy('term_id')
    .execute();
  return new Map(rows.map((row) => [row.term_id, Number(row.n)]));
}

/**
 * Of the calibration ranges shown with a proposed date in the window, how many had a chance below
 * one half ("tighter than the record"). Reads at most the `sample` most recent such forecasts
 * (index forecasts_made); their JSON is read here because SQLite and PostgreSQL spell JSON
 * access differently.
 */
export async function tallyProposedDates(
  db: Db,
  filter: Window & { sample: number },
): Promise<{ proposed: number; tighterThanRecord: number }> {
  const rows = await db
    .selectFrom('forecasts')
    .select('body')
    .where('type', '=', 'calibration')
    .where('made_at', '>=', filter.from)
    .where('made_at', '<', filter.to)
    .orderBy('made_at', 'desc')
    .limit(filter.sample)
    .execute();
  let proposed = 0;
  let tighterThanRecord = 0;
  for (const row of rows) {
    const body = JSON.parse(row.body) as { chosenDate?: { chance?: unknown } | null };
    const chance = body.chosenDate?.chance;
    if (typeof chance !== 'number') continue;
    proposed += 1;
    if (chance < 0.5) tighterThanRecord += 1;
  }
  return { proposed, tighterThanRecord };
}

/** Scored satisfaction signals received in the window, over every account. */
export async function tallyScoredSatisfaction(
  db: Db,
  window: Window,
): Promise<{ scored: number; normalisedSum: number }> {
  // Bounded by the signals of the window (index satisfaction_signals_received).
  const row = await db
    .selectFrom('satisfaction_signals')
    .select((eb) => [
      eb.fn.count<number | string>('normalised_score').as('scored'),
      eb.fn.sum<number | string | null>('normalised_score').as('normalised_sum'),
    ])
    .where('received_at', '>=', window.from)
    .where('received_at', '<', window.to)
    .executeTakeFirstOrThrow();
  return { scored: Number(row.scored), normalisedSum: Number(row.normalised_sum ?? 0) };
}

/** How many accounts are in the given stages (bounded by the number of accounts). */
export async function countAccountsInStages(db: Db, stages: readonly string[]): Promise<number> {
  if (stages.length === 0) return 0;
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('stage', 'in', [...stages])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
