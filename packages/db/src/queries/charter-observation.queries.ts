import type { CharterObservation } from '@steadfast/domain';
import { CompiledShapes, insertShape, rowValues } from '../compiled-shapes.ts';
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

/**
 * The ids already stored for these (term, reference) pairs, by pair: one lookup per term, as
 * `term_id = ? and reference in (…)` walks the (term, reference) index once per reference, where
 * `term_id in (…) and reference in (…)` probes every term with every reference.
 */
async function storedByReference(
  db: Db,
  observations: readonly CharterObservation[],
): Promise<Map<string, string>> {
  const referencesByTerm = new Map<string, Set<string>>();
  for (const { termId, reference } of observations) {
    if (reference === null) continue;
    const references = referencesByTerm.get(termId) ?? new Set<string>();
    references.add(reference);
    referencesByTerm.set(termId, references);
  }
  const stored = new Map<string, string>();
  for (const [termId, references] of referencesByTerm) {
    for (const part of chunks([...references], LOOKUP_CHUNK)) {
      const rows = await db
        .selectFrom('charter_observations')
        .select(['id', 'reference'])
        .where('term_id', '=', termId)
        .where('reference', 'in', part)
        .execute();
      for (const row of rows) {
        if (row.reference !== null) stored.set(keyOf(termId, row.reference), row.id);
      }
    }
  }
  return stored;
}

/**
 * Stores observations, all or none, in one transaction. An observation whose term and reference
 * were stored before (or earlier in the same batch, or by a racing writer) is not stored again:
 * its result names the stored one's id with `duplicate: true`. Results follow the input order.
 * Repeats within the batch are set aside first; the rest are inserted with ON CONFLICT DO NOTHING
 * RETURNING id, so the stored ones need looking up only when some row was not inserted (most
 * batches are all new, and then nothing is read).
 */
export async function insertCharterObservations(
  db: Db,
  observations: readonly CharterObservation[],
): Promise<StoredObservation[]> {
  if (observations.length === 0) return [];
  return inTransaction(db, async (trx) => {
    const firstInBatch = new Map<string, string>();
    const results: StoredObservation[] = [];
    const fresh: CharterObservation[] = [];
    for (const observation of observations) {
      const key =
        observation.reference === null ? null : keyOf(observation.termId, observation.reference);
      const earlier = key === null ? undefined : firstInBatch.get(key);
      if (earlier !== undefined) {
        results.push({ id: earlier, duplicate: true });
        continue;
      }
      if (key !== null) firstInBatch.set(key, observation.id);
      fresh.push(observation);
      results.push({ id: observation.id, duplicate: false });
    }
    const inserted = new Set<string>();
    const shapes = new CompiledShapes(trx);
    for (const part of chunks(fresh, INSERT_CHUNK)) {
      const rows = part.map(observationToRow);
      const result = await shapes.execute({
        shape: insertShape('charter_observations', rows),
        parameters: rowValues(rows),
        build: () =>
          trx
            .insertInto('charter_observations')
            .values(rows)
            .onConflict((conflict) => conflict.columns(['term_id', 'reference']).doNothing())
            .returning('id'),
      });
      for (const row of result.rows) inserted.add(row.id);
    }
    if (inserted.size === fresh.length) return results;
    // Some were stored before (or by a racing writer): point at the stored rows instead, and so
    // do their repeats later in the batch.
    const stored = await storedByReference(
      trx,
      fresh.filter((observation) => !inserted.has(observation.id)),
    );
    return results.map((result, index) => {
      const observation = observations[index];
      if (observation === undefined || observation.reference === null) return result;
      const winner = stored.get(keyOf(observation.termId, observation.reference));
      return winner === undefined ? result : { id: winner, duplicate: true };
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
