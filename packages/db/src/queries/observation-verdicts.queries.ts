import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../schema/database.ts';
import type { Window } from './portfolio.queries.ts';

// Each charter observation keeps its verdict against the term as agreed when it happened
// (migration 2026-11-24T222000_observation_verdicts). The judgement is the domain's; these
// store and count verdicts.

const CHUNK = 500;

/** Stores verdicts by observation id: one UPDATE per verdict and chunk of ids. */
export async function setObservationVerdicts(
  db: Db,
  verdicts: readonly { id: string; verdict: string }[],
): Promise<void> {
  const byVerdict = new Map<string, string[]>();
  for (const { id, verdict } of verdicts) {
    const ids = byVerdict.get(verdict) ?? [];
    ids.push(id);
    byVerdict.set(verdict, ids);
  }
  for (const [verdict, ids] of byVerdict) {
    for (let start = 0; start < ids.length; start += CHUNK) {
      await db
        .updateTable('charter_observations')
        .set({ verdict })
        .where('id', 'in', ids.slice(start, start + CHUNK))
        .execute();
    }
  }
}

/** What a verdict is judged from: one observation of an account, with its stored verdict. */
export interface ObservationToJudge {
  id: string;
  termId: string;
  occurredAt: string;
  businessMinutes: number | null;
  quantity: number | null;
  verdict: string | null;
}

/** Every observation of one account (bounded by that account's observations). */
export async function listObservationsToJudge(
  db: Db,
  accountId: string,
): Promise<ObservationToJudge[]> {
  const rows = await db
    .selectFrom('charter_observations')
    .select(['id', 'term_id', 'occurred_at', 'business_minutes', 'quantity', 'verdict'])
    .where('account_id', '=', accountId)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    termId: row.term_id,
    occurredAt: row.occurred_at,
    businessMinutes: row.business_minutes === null ? null : Number(row.business_minutes),
    quantity: row.quantity === null ? null : Number(row.quantity),
    verdict: row.verdict,
  }));
}

/** The verdicts of one account's observations of one term in a window, counted. */
export interface TermVerdictTally {
  accountId: string;
  termId: string;
  /** Every observation of the term in the window, measured or not. */
  observations: number;
  within: number;
  over: number;
  /** Stored before verdicts were kept and not judged since. */
  unjudged: number;
}

/**
 * The window's observations counted per account and term by verdict: one walk of the window in
 * the index charter_observations_verdicts (it holds every column read), never a table row.
 */
export async function tallyObservationVerdicts(
  db: Db,
  window: Window,
): Promise<TermVerdictTally[]> {
  // SQLite's planner prefers charter_observations_account_occurred (a skip-scan per account, then
  // a table row per observation for the term and verdict): at 10k accounts and 193k observations
  // in the window that is a table lookup each. The covering index is named for it.
  const source =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? sql`charter_observations`
      : sql`charter_observations indexed by charter_observations_verdicts`;
  const { rows } = await sql<{
    account_id: string;
    term_id: string;
    n: number | string;
    within: number | string | null;
    over: number | string | null;
    unjudged: number | string | null;
  }>`select account_id, term_id, count(*) as n,
      sum(case when verdict = 'within' then 1 else 0 end) as within,
      sum(case when verdict = 'over' then 1 else 0 end) as over,
      sum(case when verdict is null then 1 else 0 end) as unjudged
    from ${source}
    where occurred_at >= ${window.from} and occurred_at < ${window.to}
    group by account_id, term_id`.execute(db);
  return rows.map((row) => ({
    accountId: row.account_id,
    termId: row.term_id,
    observations: Number(row.n),
    within: Number(row.within ?? 0),
    over: Number(row.over ?? 0),
    unjudged: Number(row.unjudged ?? 0),
  }));
}

/** Accounts with a charter, in id order after `afterId`: for judging every account in turn. */
export async function listCharteredAccountIds(
  db: Db,
  page: { afterId?: string | undefined; limit: number },
): Promise<string[]> {
  let query = db.selectFrom('charters').select('account_id');
  if (page.afterId !== undefined) query = query.where('account_id', '>', page.afterId);
  const rows = await query.orderBy('account_id').limit(page.limit).execute();
  return rows.map((row) => row.account_id);
}

/** Whether any observation is still without a verdict (stored before verdicts were kept). */
export async function hasUnjudgedObservations(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('charter_observations')
    .select('id')
    .where('verdict', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
