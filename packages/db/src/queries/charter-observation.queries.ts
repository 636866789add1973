import type { CharterObservation } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';
import { inTransaction } from '../transaction.ts';
import { observationToRow, rowToObservation } from './charter.mapping.ts';

/** What became of one posted observation: stored under `id`, or a repeat of the one stored as `id`. */
export interface StoredObservation {
  id: string;
  duplicate: boolean;
}

// Bind parameters per statement stay far below SQLite's and PostgreSQL's limits.
const INSERT_CHUNK = 100;
const LOOKUP_CHUNK = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}

const keyOf = (termId: string, reference: string) => `${termId}\u0000${reference}`;

/** The ids already stored for these (term, reference) pairs, by pair. */
async function storedByReference(
  db: Db,
  observations: readonly CharterObservation[],
): Promise<Map<string, string>> {
  const stored = new Map<string, string>();
  const references = [
    ...new Set(observations.flatMap((o) => (o.reference === null ? [] : [o.reference]))),
  ];
  const termIds = [...new Set(observations.map((o) => o.termId))];
  for (const part of chunks(references, LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('charter_observations')
      .select(['id', 'term_id', 'reference'])
      .where('reference', 'in', part)
      .where('term_id', 'in', termIds)
      .execute();
    for (const row of rows) {
      if (row.reference !== null) stored.set(keyOf(row.term_id, row.reference), row.id);
    }
  }
  return stored;
}

/**
 * Stores observations, all or none, in one transaction. An observation whose term and reference
 * were stored before (or earlier in the same batch, or by a racing writer) is not stored again:
 * its result names the stored one's id with `duplicate: true`. Results follow the input order.
 */
export async function insertCharterObservations(
  db: Db,
  observations: readonly CharterObservation[],
): Promise<StoredObservation[]> {
  if (observations.length === 0) return [];
  return inTransaction(db, async (trx) => {
    const known = await storedByReference(trx, observations);
    const results: StoredObservation[] = [];
    const fresh: CharterObservation[] = [];
    for (const observation of observations) {
      const key =
        observation.reference === null ? null : keyOf(observation.termId, observation.reference);
      const existing = key === null ? undefined : known.get(key);
      if (existing !== undefined) {
        results.push({ id: existing, duplicate: true });
        continue;
      }
      if (key !== null) known.set(key, observation.id);
      fresh.push(observation);
      results.push({ id: observation.id, duplicate: false });
    }
    let inserted = 0;
    for (const part of chunks(fresh, INSERT_CHUNK)) {
      const result = await trx
        .insertInto('charter_observations')
        .values(part.map(observationToRow))
        .onConflict((conflict) => conflict.columns(['term_id', 'reference']).doNothing())
        .executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    if (inserted === fresh.length) return results;
    // A racing writer stored some of the same references first: point at its rows instead.
    const winners = await storedByReference(trx, fresh);
    return results.map((result, index) => {
      const observation = observations[index];
      if (result.duplicate || observation === undefined || observation.reference === null) {
        return result;
      }
      const winner = winners.get(keyOf(observation.termId, observation.reference));
      return winner === undefined || winner === result.id
        ? result
        : { id: winner, duplicate: true };
    });
  });
}

export async function findCharterObservation(
  db: Db,
  id: string,
): Promise<CharterObservation | undefined> {
  const row = await db
    .selectFrom('charter_observations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && rowToObservation(row);
}

export interface CharterObservationFilter {
  accountId: string;
  termId?: string | undefined;
  /** occurred at or after */
  from?: string | undefined;
  /** occurred strictly before */
  to?: string | undefined;
  limit?: number | undefined;
}

/** An account's observations, oldest first, optionally for one term and within [from, to). */
export async function listCharterObservations(
  db: Db,
  filter: CharterObservationFilter,
): Promise<CharterObservation[]> {
  let query = db
    .selectFrom('charter_observations')
    .selectAll()
    .where('account_id', '=', filter.accountId);
  if (filter.termId !== undefined) query = query.where('term_id', '=', filter.termId);
  if (filter.from !== undefined) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('occurred_at', '<', filter.to);
  query = query.orderBy('occurred_at').orderBy('id');
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  const rows = await query.execute();
  return rows.map(rowToObservation);
}
