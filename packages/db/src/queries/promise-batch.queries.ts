import {
  DomainError,
  derivePromiseState,
  type PromiseEvent,
  type PromiseState,
  type PromiseSummary,
  type ResolutionFacts,
  summarisePromise,
} from '@steadfast/domain';
import { CompiledShapes, insertShape, rowValues } from '../compiled-shapes.ts';
import { isUniqueViolation } from '../connection.ts';
import type { Db } from '../schema/database.ts';
import type { PromiseRow } from '../schema/promise.table.ts';
import { inTransaction } from '../transaction.ts';
import { recordAccountTouch } from './account-last-touches.queries.ts';
import { upsertPromiseResolutions } from './forecast.queries.ts';
import { moveOutcomeTallies, type TalliedPromise } from './kind-outcome-days.queries.ts';
import { eventToRow, projectionToRow, rowToEvent, rowToSummary } from './promise.mapping.ts';
import type { PromiseChange } from './promise.queries.ts';
import { addTrustContributionDays } from './trust-contribution-days.queries.ts';
import {
  addTrustEvidenceSums,
  companyScope,
  type TrustEvidenceSums,
  type TrustScopeRef,
  toSums,
} from './trust-evidence.queries.ts';
import { findUser } from './user.queries.ts';
import { onPostgres } from './write-turns.queries.ts';

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

/**
 * The projection rows of the promises named, by id, read in the transaction that moves them; on
 * PostgreSQL held until it ends, so they stay as read until the UPDATEs (which only write the
 * columns that differ from them).
 */
async function findProjectionRows(
  trx: Db,
  promiseIds: readonly string[],
): Promise<Map<string, PromiseRow>> {
  const rows = new Map<string, PromiseRow>();
  const hold = onPostgres(trx);
  for (let start = 0; start < promiseIds.length; start += LOOKUP_CHUNK) {
    const found = await trx
      .selectFrom('promises')
      .selectAll()
      .where('id', 'in', promiseIds.slice(start, start + LOOKUP_CHUNK))
      .$if(hold, (query) => query.forNoKeyUpdate())
      .execute();
    for (const row of found) rows.set(row.id, row);
  }
  return rows;
}

/**
 * The columns of `next` whose values differ from the row `before` (all of them when it is
 * unknown). SQLite rewrites every index holding a column an UPDATE sets, changed or not: the
 * promises table has eleven, and setting every column made the projection UPDATE the batch's
 * costliest statement. A value read back in another type (a PostgreSQL count as a string) only
 * counts as changed, which writes it again: never wrong, only slower.
 */
function changedColumns<Row extends object>(
  before: Partial<Record<keyof Row, unknown>> | undefined,
  next: Row,
): Partial<Row> {
  if (before === undefined) return next;
  const changed: Partial<Row> = {};
  for (const column of Object.keys(next) as (keyof Row)[])
    if (before[column] !== next[column]) changed[column] = next[column];
  return changed;
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
      const shapes = new CompiledShapes(trx);
      for (let start = 0; start < changes.length; start += INSERT_CHUNK) {
        racing = changes[start]?.event.promiseId;
        const rows = changes.slice(start, start + INSERT_CHUNK).map((c) => eventToRow(c.event));
        await shapes.execute({
          shape: insertShape('promise_events', rows),
          parameters: rowValues(rows),
          build: () => trx.insertInto('promise_events').values(rows),
        });
      }
      racing = undefined;
      // The rows as they are, for what each UPDATE must change and for the dashboards' rollups,
      // which move with the projection as in appendPromiseEvent.
      const befores = await findProjectionRows(trx, [...spans.keys()]);
      const tallies: { before: TalliedPromise | undefined; after: TalliedPromise }[] = [];
      const lastFulfilled = new Map<string, string>();
      for (const [promiseId, { from, last }] of spans) {
        const row = projectionToRow({ ...summarisePromise(last.state), ...last.measures });
        const before = befores.get(promiseId);
        const { id, ...columns } = row;
        // The version always: the row read may already be at it (a racing writer), and an UPDATE
        // needs a column to set; the WHERE then matches nothing and the batch is refused.
        const changed = { ...changedColumns(before, columns), version: columns.version };
        const result = await shapes.execute({
          shape: `promises\u0000${Object.keys(changed).join('\u0000')}`,
          parameters: [...Object.values(changed), id, from],
          build: () =>
            trx
              .updateTable('promises')
              .set(changed)
              .where('id', '=', id)
              .where('version', '=', from),
        });
        if (result.numAffectedRows === 0n) throw conflict(promiseId);
        tallies.push({ before, after: row });
        const seen = lastFulfilled.get(row.account_id);
        if (row.fulfilled_at && (seen === undefined || row.fulfilled_at > seen))
          lastFulfilled.set(row.account_id, row.fulfilled_at);
      }
      await moveOutcomeTallies(trx, tallies);
      // The latest fulfilment per account: recordAccountTouch keeps the latest of those it is given.
      for (const [accountId, at] of lastFulfilled)
        await recordAccountTouch(trx, { accountId, column: 'promise_fulfilled_at', at });
      await recordClosings(trx, changes);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(racing ?? changes[0]?.event.promiseId ?? '');
    throw error;
  }
}

function addSums(into: TrustEvidenceSums | undefined, sums: TrustEvidenceSums): TrustEvidenceSums {
  if (into === undefined) return { ...sums };
  for (const column of Object.keys(sums) as (keyof TrustEvidenceSums)[])
    into[column] += sums[column];
  return into;
}

/**
 * `recordClosing` for the closings among `changes`: each closing's forecasts resolved and its
 * contribution rows written (account, owner, company, owner's team), with the trust evidence and
 * per-day sums added once per scope (and day) for the whole batch instead of once per closing:
 * the same sums, added in a multi-row upsert per table (floating-point sums may differ in the
 * last bits).
 */
async function recordClosings(db: Db, changes: readonly PromiseChange[]): Promise<void> {
  const teams = new Map<string, string | null>();
  const byScope = new Map<string, { scope: TrustScopeRef; sums: TrustEvidenceSums }>();
  const byDay = new Map<
    string,
    { scope: TrustScopeRef; closedAt: string; sums: TrustEvidenceSums }
  >();
  const contributions: {
    scope_type: string;
    scope_id: string;
    promise_id: string;
    closed_at: string;
    outcome_kind: string;
    evidence: string;
  }[] = [];
  const resolutions: { facts: ResolutionFacts; closedAt: string }[] = [];
  for (const { state, closing } of changes) {
    if (!closing) continue;
    const closedAt = state.closedAt ?? state.updatedAt;
    resolutions.push({ facts: closing.resolution, closedAt });
    if (closing.evidence === null) continue;
    const { accountId, ownerId } = state.terms;
    if (!teams.has(ownerId)) teams.set(ownerId, (await findUser(db, ownerId))?.teamId ?? null);
    const teamId = teams.get(ownerId);
    const scopes: TrustScopeRef[] = [
      { type: 'account', id: accountId },
      { type: 'manager', id: ownerId },
      companyScope,
    ];
    // A manager's team, as it is when the promise closes (a change of team rebuilds the evidence).
    if (teamId) scopes.push({ type: 'team', id: teamId });
    const sums = toSums(closing.evidence);
    const evidence = JSON.stringify(closing.evidence);
    for (const scope of scopes) {
      const key = `${scope.type}\u0000${scope.id}`;
      byScope.set(key, { scope, sums: addSums(byScope.get(key)?.sums, sums) });
      const dayKey = `${key}\u0000${closedAt.slice(0, 10)}`;
      byDay.set(dayKey, { scope, closedAt, sums: addSums(byDay.get(dayKey)?.sums, sums) });
      contributions.push({
        scope_type: scope.type,
        scope_id: scope.id,
        promise_id: state.id,
        closed_at: closedAt,
        outcome_kind: closing.outcomeKind,
        evidence,
      });
    }
  }
  await upsertPromiseResolutions(db, resolutions);
  await addTrustEvidenceSums(db, [...byScope.values()]);
  await addTrustContributionDays(
    db,
    [...byDay.values()].map(({ scope, closedAt, sums }) => ({
      scope,
      day: closedAt.slice(0, 10),
      sums,
    })),
  );
  const shapes = new CompiledShapes(db);
  for (let start = 0; start < contributions.length; start += INSERT_CHUNK) {
    const rows = contributions.slice(start, start + INSERT_CHUNK);
    await shapes.execute({
      shape: insertShape('trust_contributions', rows),
      parameters: rowValues(rows),
      build: () => db.insertInto('trust_contributions').values(rows),
    });
  }
}
