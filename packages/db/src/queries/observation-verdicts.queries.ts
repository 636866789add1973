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
  const rows = await db
    .selectFrom('charter_observations')
    .select((eb) => [
      'account_id',
      'term_id',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn
        .sum<number | string>(eb.case().when('verdict', '=', 'within').then(1).else(0).end())
        .as('within'),
      eb.fn
        .sum<number | string>(eb.case().when('verdict', '=', 'over').then(1).else(0).end())
        .as('over'),
      eb.fn
        .sum<number | string>(eb.case().when('verdict', 'is', null).then(1).else(0).end())
        .as('unjudged'),
    ])
    .where('occurred_at', '>=', window.from)
    .where('occurred_at', '<', window.to)
    .groupBy(['account_id', 'term_id'])
    .execute();
  return rows.map((row) => ({
    accountId: row.account_id,
    termId: row.term_id,
    observations: Number(row.n),
    within: Number(row.within),
    over: Number(row.over),
    unjudged: Number(row.unjudged),
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
