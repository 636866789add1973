import type { ClosedOutcomeKind, Instant, TrustEvidence } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';
import {
  addTrustContributionDay,
  clearTrustContributionDays,
} from './trust-contribution-days.queries.ts';
import type { TrustScopeRef } from './trust-evidence.queries.ts';

/**
 * Records one closed promise's contribution to a scope's evidence, for tracing score changes, and
 * adds it to the scope's sum for its day of closing (what the monthly trend reads).
 */
export async function insertTrustContribution(
  db: Db,
  entry: {
    scope: TrustScopeRef;
    promiseId: string;
    closedAt: Instant;
    outcomeKind: ClosedOutcomeKind;
    evidence: TrustEvidence;
  },
): Promise<void> {
  await db
    .insertInto('trust_contributions')
    .values({
      scope_type: entry.scope.type,
      scope_id: entry.scope.id,
      promise_id: entry.promiseId,
      closed_at: entry.closedAt,
      outcome_kind: entry.outcomeKind,
      evidence: JSON.stringify(entry.evidence),
    })
    .execute();
  await addTrustContributionDay(db, {
    scope: entry.scope,
    closedAt: entry.closedAt,
    evidence: entry.evidence,
  });
}

export interface StoredContribution {
  promiseId: string;
  closedAt: Instant;
  outcomeKind: ClosedOutcomeKind;
  evidence: TrustEvidence;
}

/** A scope's contributions from promises closed after `after` (exclusive), oldest first. */
export async function listTrustContributionsSince(
  db: Db,
  scope: TrustScopeRef,
  after: Instant,
): Promise<StoredContribution[]> {
  const rows = await db
    .selectFrom('trust_contributions')
    .select(['promise_id', 'closed_at', 'outcome_kind', 'evidence'])
    .where('scope_type', '=', scope.type)
    .where('scope_id', '=', scope.id)
    .where('closed_at', '>', after)
    .orderBy('closed_at')
    .execute();
  return rows.map((row) => ({
    promiseId: row.promise_id,
    closedAt: row.closed_at,
    outcomeKind: row.outcome_kind as ClosedOutcomeKind,
    // Written by insertTrustContribution from the domain's anchored evidence.
    evidence: JSON.parse(row.evidence) as TrustEvidence,
  }));
}

/** Forgets every contribution and the history, before trust evidence is rebuilt. */
export async function clearTrustContributions(db: Db): Promise<void> {
  await db.deleteFrom('trust_contributions').execute();
  await clearTrustContributionDays(db);
}

export interface TrustHistoryPoint {
  day: string;
  score: number;
  low: number;
  high: number;
  /** Worked out afterwards (a month-end before snapshots began), not taken on the day. */
  reconstructed?: boolean;
}

/** Stores (or replaces) a scope's score for a day. */
export async function upsertTrustHistory(
  db: Db,
  scope: TrustScopeRef,
  point: TrustHistoryPoint,
): Promise<void> {
  const values = {
    score: point.score,
    low: point.low,
    high: point.high,
    reconstructed: point.reconstructed === true ? 1 : 0,
  };
  await db
    .insertInto('trust_history')
    .values({ scope_type: scope.type, scope_id: scope.id, day: point.day, ...values })
    .onConflict((oc) => oc.columns(['scope_type', 'scope_id', 'day']).doUpdateSet(values))
    .execute();
}

/**
 * Stores a reconstructed score for each day that has none yet, never replacing a score taken on
 * the day (nor an earlier reconstruction).
 */
export async function insertReconstructedTrustHistory(
  db: Db,
  scope: TrustScopeRef,
  points: readonly Omit<TrustHistoryPoint, 'reconstructed'>[],
): Promise<void> {
  if (points.length === 0) return;
  await db
    .insertInto('trust_history')
    .values(
      points.map((point) => ({
        scope_type: scope.type,
        scope_id: scope.id,
        day: point.day,
        score: point.score,
        low: point.low,
        high: point.high,
        reconstructed: 1,
      })),
    )
    .onConflict((oc) => oc.columns(['scope_type', 'scope_id', 'day']).doNothing())
    .execute();
}

/** A scope's daily scores in [from, to], oldest first. */
export async function listTrustHistory(
  db: Db,
  scope: TrustScopeRef,
  range: { fromDay: string; toDay: string },
): Promise<TrustHistoryPoint[]> {
  const rows = await db
    .selectFrom('trust_history')
    .select(['day', 'score', 'low', 'high', 'reconstructed'])
    .where('scope_type', '=', scope.type)
    .where('scope_id', '=', scope.id)
    .where('day', '>=', range.fromDay)
    .where('day', '<=', range.toDay)
    .orderBy('day')
    .execute();
  return rows.map((row) => ({
    day: row.day,
    score: Number(row.score),
    low: Number(row.low),
    high: Number(row.high),
    reconstructed: Number(row.reconstructed) === 1,
  }));
}
