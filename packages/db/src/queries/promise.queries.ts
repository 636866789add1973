import {
  type ClosedOutcomeKind,
  DomainError,
  derivePromiseState,
  notFound,
  type PromiseEvent,
  type PromiseKind,
  type PromiseMeasures,
  type PromiseState,
  type PromiseStatus,
  type PromiseSummary,
  type ResolutionFacts,
  summarisePromise,
  type TrustEvidence,
} from '@steadfast/domain';
import { isUniqueViolation } from '../connection.ts';
import type { Db } from '../schema/database.ts';
import { inTransaction } from '../transaction.ts';
import { recordAccountTouch } from './account-last-touches.queries.ts';
import { addOwnerEffort } from './attention-rollups.queries.ts';
import { upsertPromiseResolution } from './forecast.queries.ts';
import { findTalliedPromise, moveOutcomeTally } from './kind-outcome-days.queries.ts';
import { eventToRow, projectionToRow, rowToEvent, rowToSummary } from './promise.mapping.ts';
import { addTrustEvidence, companyScope, type TrustScopeRef } from './trust-evidence.queries.ts';
import { insertTrustContribution } from './trust-history.queries.ts';
import { findUser } from './user.queries.ts';
import { holdPromiseForChange } from './write-turns.queries.ts';

/** A decided change: the event, the state it leads to, and that state measured in business time. */
export interface PromiseChange {
  event: PromiseEvent;
  state: PromiseState;
  measures: PromiseMeasures;
  /**
   * When this event closed the promise: how it turned out (for resolving its forecasts) and its
   * trust evidence (at the anchor), added to its account's, owner's and the company's, all in
   * the same transaction.
   */
  closing?: PromiseClosing | null;
}

export interface PromiseClosing {
  outcomeKind: ClosedOutcomeKind;
  evidence: TrustEvidence | null;
  resolution: ResolutionFacts;
}

/** Records what a closing means for trust and for the forecasts made about the promise. */
export async function recordClosing(
  db: Db,
  state: PromiseState,
  closing: PromiseClosing,
): Promise<void> {
  const { terms } = state;
  const closedAt = state.closedAt ?? state.updatedAt;
  await upsertPromiseResolution(db, closing.resolution, closedAt);
  if (closing.evidence === null) return;
  const scopes: TrustScopeRef[] = [
    { type: 'account', id: terms.accountId },
    { type: 'manager', id: terms.ownerId },
    companyScope,
  ];
  // A manager's team, as it is when the promise closes (a change of team rebuilds the evidence).
  const owner = await findUser(db, terms.ownerId);
  if (owner?.teamId) scopes.push({ type: 'team', id: owner.teamId });
  await addTrustEvidence(db, scopes, closing.evidence);
  for (const scope of scopes) {
    await insertTrustContribution(db, {
      scope,
      promiseId: state.id,
      closedAt,
      outcomeKind: closing.outcomeKind,
      evidence: closing.evidence,
    });
  }
}

function projectionRow(change: PromiseChange) {
  return projectionToRow({ ...summarisePromise(change.state), ...change.measures });
}

function conflict(promiseId: string, currentVersion: number | undefined): DomainError {
  return new DomainError({
    code: 'version_conflict',
    kind: 'conflict',
    field: 'expectedVersion',
    message: `Promise ${promiseId} was changed by someone else${
      currentVersion === undefined ? '' : ` (it is now at version ${currentVersion})`
    }: reload it and try again.`,
    details: currentVersion === undefined ? {} : { currentVersion },
  });
}

/** Stores a newly made promise: its `made` event and its projection, in one transaction. */
export async function insertMadePromise(db: Db, made: PromiseChange): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = projectionRow(made);
    await trx.insertInto('promises').values(row).execute();
    await trx.insertInto('promise_events').values(eventToRow(made.event)).execute();
    await moveOutcomeTally(trx, { before: undefined, after: row });
    await recordAccountTouch(trx, {
      accountId: row.account_id,
      column: 'promise_made_at',
      at: row.made_at,
    });
    await addOwnerEffort(trx, {
      at: row.made_at,
      ownerId: row.owner_id,
      accountId: row.account_id,
      promises: 1,
      touchpoints: 0,
    });
  });
}

/**
 * Appends one event and moves the projection from the version before it to the version it makes,
 * in one transaction. If the projection is no longer at that version, or another writer appended
 * the same sequence number first, nothing is written and a `version_conflict` is thrown.
 */
export async function appendPromiseEvent(db: Db, change: PromiseChange): Promise<void> {
  const { event } = change;
  const previousVersion = event.sequence - 1;
  try {
    await inTransaction(db, async (trx) => {
      await trx.insertInto('promise_events').values(eventToRow(event)).execute();
      const row = projectionRow(change);
      const { id, ...columns } = row;
      // The daily outcome rollup moves with the projection, in this transaction.
      const before = await findTalliedPromise(trx, id);
      const result = await trx
        .updateTable('promises')
        .set(columns)
        .where('id', '=', id)
        .where('version', '=', previousVersion)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        const current = await trx
          .selectFrom('promises')
          .select('version')
          .where('id', '=', id)
          .executeTakeFirst();
        if (current === undefined) throw notFound('promise', id, 'promiseId');
        throw conflict(id, Number(current.version));
      }
      await moveOutcomeTally(trx, { before, after: row });
      if (row.fulfilled_at) {
        await recordAccountTouch(trx, {
          accountId: row.account_id,
          column: 'promise_fulfilled_at',
          at: row.fulfilled_at,
        });
      }
      if (change.closing) await recordClosing(trx, change.state, change.closing);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(event.promiseId, undefined);
    throw error;
  }
}

/** A promise's events in the order they were recorded. */
export async function loadPromiseEvents(db: Db, promiseId: string): Promise<PromiseEvent[]> {
  const rows = await db
    .selectFrom('promise_events')
    .selectAll()
    .where('promise_id', '=', promiseId)
    .orderBy('sequence')
    .execute();
  return rows.map(rowToEvent);
}

/** A promise's current state, derived from its events; throws `promise_not_found`. */
export async function loadPromiseState(
  db: Db,
  promiseId: string,
): Promise<{ state: PromiseState; events: PromiseEvent[] }> {
  const events = await loadPromiseEvents(db, promiseId);
  if (events.length === 0) throw notFound('promise', promiseId, 'promiseId');
  return { state: derivePromiseState(events), events };
}

/**
 * Reads a promise, lets the domain decide what happens to it, and appends the result, all in one
 * transaction: the read-decide-write is one unit, and writers of one promise take turns, so a
 * stale writer is told the version the one before it left.
 */
export async function changePromise(
  db: Db,
  promiseId: string,
  decide: (state: PromiseState) => PromiseChange,
): Promise<PromiseState> {
  return inTransaction(db, async (trx) => {
    await holdPromiseForChange(trx, promiseId);
    const { state } = await loadPromiseState(trx, promiseId);
    const next = decide(state);
    await appendPromiseEvent(trx, next);
    return next.state;
  });
}

export async function findPromiseSummary(
  db: Db,
  promiseId: string,
): Promise<PromiseSummary | undefined> {
  const row = await db
    .selectFrom('promises')
    .selectAll()
    .where('id', '=', promiseId)
    .executeTakeFirst();
  return row && rowToSummary(row);
}

export interface PromiseFilter {
  accountId?: string | undefined;
  ownerId?: string | undefined;
  kind?: PromiseKind | undefined;
  statuses?: readonly PromiseStatus[] | undefined;
  atRisk?: boolean | undefined;
  /** Deadline at or after this instant. */
  deadlineFrom?: string | undefined;
  /** Deadline strictly before this instant. */
  deadlineBefore?: string | undefined;
  /** Keyset cursor: continue after this (deadline, id). */
  after?: { dueDeadline: string; id: string } | undefined;
  limit: number;
}

/** Promises from the projection, soonest deadline first. */
export async function listPromiseSummaries(
  db: Db,
  filter: PromiseFilter,
): Promise<PromiseSummary[]> {
  if (filter.statuses?.length === 0) return [];
  let query = db.selectFrom('promises').selectAll();
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  if (filter.ownerId !== undefined) query = query.where('owner_id', '=', filter.ownerId);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  if (filter.statuses !== undefined) query = query.where('status', 'in', [...filter.statuses]);
  if (filter.atRisk !== undefined) query = query.where('at_risk', '=', filter.atRisk ? 1 : 0);
  if (filter.deadlineFrom !== undefined)
    query = query.where('due_deadline', '>=', filter.deadlineFrom);
  if (filter.deadlineBefore !== undefined)
    query = query.where('due_deadline', '<', filter.deadlineBefore);
  const after = filter.after;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('due_deadline', '>', after.dueDeadline),
        eb.and([eb('due_deadline', '=', after.dueDeadline), eb('id', '>', after.id)]),
      ]),
    );
  }
  const rows = await query.orderBy('due_deadline').orderBy('id').limit(filter.limit).execute();
  return rows.map(rowToSummary);
}

export async function countPromises(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom('promises')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Re-measures a promise after its calendar changed: only the business-time columns move. */
export async function updatePromiseMeasures(
  db: Db,
  promiseId: string,
  measures: PromiseMeasures,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await findTalliedPromise(trx, promiseId);
    await trx
      .updateTable('promises')
      .set({
        promised_minutes: measures.promisedMinutes,
        fulfilled_minutes: measures.fulfilledMinutes,
        closed_minutes: measures.closedMinutes,
        lateness_minutes: measures.latenessMinutes,
      })
      .where('id', '=', promiseId)
      .execute();
    // Lateness decides late or on time: the daily outcome rollup moves with it.
    if (before !== undefined) {
      await moveOutcomeTally(trx, {
        before,
        after: { ...before, lateness_minutes: measures.latenessMinutes },
      });
    }
  });
}

/** Ids of an account's promises after `afterId`, in id order: for batch work over an account. */
export async function listPromiseIdsOfAccount(
  db: Db,
  scope: {
    accountId: string;
    afterId?: string | undefined;
    limit: number;
    statuses?: readonly PromiseStatus[];
  },
): Promise<string[]> {
  let query = db.selectFrom('promises').select('id').where('account_id', '=', scope.accountId);
  if (scope.afterId !== undefined) query = query.where('id', '>', scope.afterId);
  if (scope.statuses !== undefined) query = query.where('status', 'in', [...scope.statuses]);
  const rows = await query.orderBy('id').limit(scope.limit).execute();
  return rows.map((row) => row.id);
}

/** Ids of closed promises after `afterId`, in id order: for rebuilding what outcomes feed. */
export async function listClosedPromiseIds(
  db: Db,
  page: { afterId?: string | undefined; limit: number },
): Promise<{ id: string; accountId: string }[]> {
  let query = db
    .selectFrom('promises')
    .select(['id', 'account_id'])
    .where('status', 'in', ['fulfilled', 'missed', 'released', 'cancelled']);
  if (page.afterId !== undefined) query = query.where('id', '>', page.afterId);
  const rows = await query.orderBy('id').limit(page.limit).execute();
  return rows.map((row) => ({ id: row.id, accountId: row.account_id }));
}
