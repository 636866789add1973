import {
  DomainError,
  derivePromiseState,
  type PromiseEvent,
  type PromiseState,
  type PromiseSummary,
  summarisePromise,
} from '@steadfast/domain';
import { isUniqueViolation } from '../connection.ts';
import type { Db } from '../schema/database.ts';
import { inTransaction } from '../transaction.ts';
import { eventToRow, projectionToRow, rowToEvent, rowToSummary } from './promise.mapping.ts';
import { type PromiseChange, recordClosing } from './promise.queries.ts';

// Bind parameters per statement stay far below SQLite's and PostgreSQL's limits.
const LOOKUP_CHUNK = 500;
const INSERT_CHUNK = 100;

/** The summaries of the promises named that exist (in no particular order). */
export async function findPromiseSummaries(
  db: Db,
  promiseIds: readonly string[],
): Promise<PromiseSummary[]> {
  const summaries: PromiseSummary[] = [];
  for (let start = 0; start < promiseIds.length; start += LOOKUP_CHUNK) {
    const rows = await db
      .selectFrom('promises')
      .selectAll()
      .where('id', 'in', promiseIds.slice(start, start + LOOKUP_CHUNK))
      .execute();
    summaries.push(...rows.map(rowToSummary));
  }
  return summaries;
}

/** The current state of each promise named that exists, derived from its events: one read per 500. */
export async function loadPromiseStates(
  db: Db,
  promiseIds: readonly string[],
): Promise<Map<string, PromiseState>> {
  const states = new Map<string, PromiseState>();
  for (let start = 0; start < promiseIds.length; start += LOOKUP_CHUNK) {
    const rows = await db
      .selectFrom('promise_events')
      .selectAll()
      .where('promise_id', 'in', promiseIds.slice(start, start + LOOKUP_CHUNK))
      .orderBy('promise_id')
      .orderBy('sequence')
      .execute();
    let events: PromiseEvent[] = [];
    for (const row of rows) {
      const event = rowToEvent(row);
      if (events.length > 0 && events[0]?.promiseId !== event.promiseId) {
        states.set(events[0]?.promiseId ?? '', derivePromiseState(events));
        events = [];
      }
      events.push(event);
    }
    const [first] = events;
    if (first !== undefined) states.set(first.promiseId, derivePromiseState(events));
  }
  return states;
}

/** Another writer changed the promise between the read and the write (see `appendPromiseEvent`). */
function conflict(promiseId: string): DomainError {
  return new DomainError({
    code: 'version_conflict',
    kind: 'conflict',
    field: 'expectedVersion',
    message: `Promise ${promiseId} was changed by someone else: reload it and try again.`,
    details: { promiseId },
  });
}

/**
 * `appendPromiseEvent` for many changes at once, in one transaction: the events in multi-row
 * inserts, each promise's projection moved once from the version before its first change to the
 * state after its last, and each closing recorded in the order of the changes. A promise's changes
 * must follow one another (sequence n, n+1, …). If a projection is no longer at the version read,
 * or another writer appended the same sequence first, nothing is written and a
 * `version_conflict` naming the promise (`details.promiseId`) is thrown.
 */
export async function appendPromiseChanges(
  db: Db,
  changes: readonly PromiseChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const spans = new Map<string, { from: number; last: PromiseChange }>();
  for (const change of changes) {
    const span = spans.get(change.event.promiseId);
    if (span === undefined)
      spans.set(change.event.promiseId, { from: change.event.sequence - 1, last: change });
    else span.last = change;
  }
  let racing: string | undefined;
  try {
    await inTransaction(db, async (trx) => {
      for (let start = 0; start < changes.length; start += INSERT_CHUNK) {
        racing = changes[start]?.event.promiseId;
        const part = changes.slice(start, start + INSERT_CHUNK);
        await trx
          .insertInto('promise_events')
          .values(part.map((change) => eventToRow(change.event)))
          .execute();
      }
      racing = undefined;
      for (const [promiseId, { from, last }] of spans) {
        const { id, ...columns } = projectionToRow({
          ...summarisePromise(last.state),
          ...last.measures,
        });
        const result = await trx
          .updateTable('promises')
          .set(columns)
          .where('id', '=', id)
          .where('version', '=', from)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) throw conflict(promiseId);
      }
      for (const change of changes) {
        if (change.closing) await recordClosing(trx, change.state, change.closing);
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(racing ?? changes[0]?.event.promiseId ?? '');
    throw error;
  }
}
