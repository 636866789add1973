import type { Instant, TrustEvidence } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';
import { type TrustScopeType, toEvidence } from './trust-evidence.queries.ts';

/** When the day's trust scores (trust_history) were last taken, as one snapshot. */
export interface TrustSnapshot {
  day: string;
  takenAt: Instant;
}

/** Notes that the day's scores were (re)taken at `takenAt`; written with them, in one transaction. */
export async function recordTrustSnapshot(db: Db, snapshot: TrustSnapshot): Promise<void> {
  await db
    .insertInto('trust_snapshots')
    .values({ day: snapshot.day, taken_at: snapshot.takenAt })
    .onConflict((oc) => oc.column('day').doUpdateSet({ taken_at: snapshot.takenAt }))
    .execute();
}

/** The most recent snapshot of the scores, if the worker has taken one. */
export async function latestTrustSnapshot(db: Db): Promise<TrustSnapshot | undefined> {
  const row = await db
    .selectFrom('trust_snapshots')
    .select(['day', 'taken_at'])
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { day: row.day, takenAt: row.taken_at };
}

/**
 * The scopes of a type in the order of their snapshot score on `day`, lowest or highest first,
 * ties by id in the same direction, at most `limit` (index trust_history_ranking: a range of it, however many scopes).
 */
export async function listSnapshotRanking(
  db: Db,
  options: { type: TrustScopeType; day: string; order: 'lowest' | 'highest'; limit: number },
): Promise<{ scopeId: string; score: number; low: number; high: number }[]> {
  const direction = options.order === 'lowest' ? 'asc' : 'desc';
  const rows = await db
    .selectFrom('trust_history')
    .select(['scope_id', 'score', 'low', 'high'])
    .where('scope_type', '=', options.type)
    .where('day', '=', options.day)
    .orderBy('score', direction)
    .orderBy('scope_id', direction)
    .limit(options.limit)
    .execute();
  return rows.map((row) => ({
    scopeId: row.scope_id,
    score: Number(row.score),
    low: Number(row.low),
    high: Number(row.high),
  }));
}

/**
 * The scopes of a type whose evidence gained a closed promise at or after `since` (index
 * trust_contributions_type_closed): bounded by the closings since then, not by the history.
 */
export async function listScopesClosedSince(
  db: Db,
  options: { type: TrustScopeType; since: Instant },
): Promise<string[]> {
  const rows = await db
    .selectFrom('trust_contributions')
    .select('scope_id')
    .distinct()
    .where('scope_type', '=', options.type)
    .where('closed_at', '>=', options.since)
    .execute();
  return rows.map((row) => row.scope_id);
}

/** Chunks an id list under every dialect's bound-parameter limit. */
const idChunk = 500;

/** The stored evidence of the named scopes of a type (those without any are left out). */
export async function listTrustEvidenceOf(
  db: Db,
  type: TrustScopeType,
  ids: readonly string[],
): Promise<Map<string, TrustEvidence>> {
  const found = new Map<string, TrustEvidence>();
  for (let start = 0; start < ids.length; start += idChunk) {
    const rows = await db
      .selectFrom('trust_evidence')
      .selectAll()
      .where('scope_type', '=', type)
      .where('scope_id', 'in', ids.slice(start, start + idChunk))
      .execute();
    for (const row of rows) found.set(row.scope_id, toEvidence(row));
  }
  return found;
}

/** How many closed promises each named scope's evidence counts (those without any are left out). */
export async function listTrustOutcomesOf(
  db: Db,
  type: TrustScopeType,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let start = 0; start < ids.length; start += idChunk) {
    const rows = await db
      .selectFrom('trust_evidence')
      .select(['scope_id', 'outcomes'])
      .where('scope_type', '=', type)
      .where('scope_id', 'in', ids.slice(start, start + idChunk))
      .execute();
    for (const row of rows) found.set(row.scope_id, Number(row.outcomes));
  }
  return found;
}
