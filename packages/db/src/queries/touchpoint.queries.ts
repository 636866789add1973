import {
  DomainError,
  type FulfilledPromise,
  type Importance,
  notFound,
  type Touchpoint,
  type TouchpointKind,
  type TouchpointOrigin,
  type TouchpointStatus,
} from '@steadfast/domain';
import type { Db } from '../schema/database.ts';
import type { NewTouchpointRow, TouchpointRow } from '../schema/touchpoint.tables.ts';
import { inTransaction } from '../transaction.ts';
import { recordAccountTouch } from './account-last-touches.queries.ts';
import { moveTouchpointEffort } from './attention-rollups.queries.ts';

// The one place where touchpoint rows and domain objects meet.

function toTouchpoint(row: TouchpointRow): Touchpoint {
  return {
    id: row.id,
    accountId: row.account_id,
    ownerId: row.owner_id,
    kind: row.kind as TouchpointKind,
    origin: row.origin as TouchpointOrigin,
    status: row.status as TouchpointStatus,
    dedupeKey: row.dedupe_key,
    promiseId: row.promise_id,
    dueAt: row.due_at,
    reason: row.reason,
    note: row.note,
    doneAt: row.done_at,
    doneBy: row.done_by,
    dismissedAt: row.dismissed_at,
    dismissReason: row.dismiss_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

function toRow(touchpoint: Touchpoint): NewTouchpointRow {
  return {
    id: touchpoint.id,
    account_id: touchpoint.accountId,
    owner_id: touchpoint.ownerId,
    kind: touchpoint.kind,
    origin: touchpoint.origin,
    status: touchpoint.status,
    dedupe_key: touchpoint.dedupeKey,
    promise_id: touchpoint.promiseId,
    due_at: touchpoint.dueAt,
    reason: touchpoint.reason,
    note: touchpoint.note,
    done_at: touchpoint.doneAt,
    done_by: touchpoint.doneBy,
    dismissed_at: touchpoint.dismissedAt,
    dismiss_reason: touchpoint.dismissReason,
    created_at: touchpoint.createdAt,
    updated_at: touchpoint.updatedAt,
    version: touchpoint.version,
  };
}

/** Stores a touchpoint a person logged. */
export async function insertTouchpoint(db: Db, touchpoint: Touchpoint): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = toRow(touchpoint);
    await trx.insertInto('touchpoints').values(row).execute();
    await recordDone(trx, touchpoint);
    await moveTouchpointEffort(trx, { before: undefined, after: row });
  });
}

/** A touchpoint done is its account's latest touch if none is later (account_last_touches). */
async function recordDone(db: Db, touchpoint: Touchpoint): Promise<void> {
  if (touchpoint.status !== 'done' || touchpoint.doneAt === null) return;
  await recordAccountTouch(db, {
    accountId: touchpoint.accountId,
    column: 'touchpoint_done_at',
    at: touchpoint.doneAt,
  });
}

/**
 * Stores the rules' suggestions in one transaction, each unless its moment (account and dedupe
 * key) is stored already: `insert … on conflict do nothing`, so concurrent runs store each moment
 * once. Gives back those this call stored.
 */
export async function insertSuggestedTouchpoints(
  db: Db,
  touchpoints: readonly Touchpoint[],
): Promise<Touchpoint[]> {
  if (touchpoints.length === 0) return [];
  return inTransaction(db, async (trx) => {
    const stored: Touchpoint[] = [];
    for (const touchpoint of touchpoints) {
      const result = await trx
        .insertInto('touchpoints')
        .values(toRow(touchpoint))
        .onConflict((oc) => oc.columns(['account_id', 'dedupe_key']).doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
      stored.push(touchpoint);
      await recordDone(trx, touchpoint);
      await moveTouchpointEffort(trx, { before: undefined, after: toRow(touchpoint) });
    }
    return stored;
  });
}

export async function findTouchpoint(db: Db, id: string): Promise<Touchpoint | undefined> {
  const row = await db
    .selectFrom('touchpoints')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toTouchpoint(row);
}

export interface TouchpointFilter {
  accountId?: string | undefined;
  ownerId?: string | undefined;
  status?: TouchpointStatus | undefined;
  kind?: TouchpointKind | undefined;
  /** Keyset cursor: continue after this (dueAt, id). */
  after?: { dueAt: string; id: string } | undefined;
  limit: number;
}

/** Touchpoints, soonest moment first. */
export async function listTouchpoints(db: Db, filter: TouchpointFilter): Promise<Touchpoint[]> {
  let query = db.selectFrom('touchpoints').selectAll();
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  if (filter.ownerId !== undefined) query = query.where('owner_id', '=', filter.ownerId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  const after = filter.after;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('due_at', '>', after.dueAt),
        eb.and([eb('due_at', '=', after.dueAt), eb('id', '>', after.id)]),
      ]),
    );
  }
  const rows = await query.orderBy('due_at').orderBy('id').limit(filter.limit).execute();
  return rows.map(toTouchpoint);
}

function conflict(id: string, currentVersion: number, expected: number): DomainError {
  return new DomainError({
    code: 'version_conflict',
    kind: 'conflict',
    field: 'expectedVersion',
    message: `Touchpoint ${id} is at version ${currentVersion}, not ${expected}: someone changed it since you read it.`,
    details: { currentVersion },
  });
}

/**
 * Writes a changed touchpoint over the version before it; if someone changed it since, nothing is
 * written and it is a `version_conflict` naming the current version.
 */
export async function saveTouchpointChange(db: Db, next: Touchpoint): Promise<void> {
  const { id, account_id: _account, created_at: _created, ...columns } = toRow(next);
  const previousVersion = next.version - 1;
  const saved = await inTransaction(db, async (trx) => {
    // The effort rollup moves with the row (a touchpoint done, undone or handed over).
    const before = await trx
      .selectFrom('touchpoints')
      .select(['account_id', 'owner_id', 'status', 'done_at'])
      .where('id', '=', id)
      .where('version', '=', previousVersion)
      .executeTakeFirst();
    const result = await trx
      .updateTable('touchpoints')
      .set(columns)
      .where('id', '=', id)
      .where('version', '=', previousVersion)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await recordDone(trx, next);
    await moveTouchpointEffort(trx, { before, after: toRow(next) });
    return true;
  });
  if (saved) return;
  const current = await db
    .selectFrom('touchpoints')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirst();
  if (current === undefined) throw notFound('touchpoint', id, 'touchpointId');
  throw conflict(id, Number(current.version), previousVersion);
}

/** Reads a touchpoint, lets the domain decide, and writes the result: one transaction. */
export async function changeTouchpoint(
  db: Db,
  id: string,
  decide: (touchpoint: Touchpoint) => Touchpoint,
): Promise<Touchpoint> {
  return inTransaction(db, async (trx) => {
    const touchpoint = await findTouchpoint(trx, id);
    if (touchpoint === undefined) throw notFound('touchpoint', id, 'touchpointId');
    const next = decide(touchpoint);
    await saveTouchpointChange(trx, next);
    return next;
  });
}

/**
 * What the touchpoint rules need of an account's touchpoints so far, in bounded reads: those whose
 * moment is at or after `since`, those naming one of `promiseIds`, every waiting check-in, the
 * last one done and the last check-in dismissed.
 */
export async function loadTouchpointsSoFar(
  db: Db,
  scope: { accountId: string; since: string; promiseIds: readonly string[] },
): Promise<Touchpoint[]> {
  const ofAccount = () =>
    db.selectFrom('touchpoints').selectAll().where('account_id', '=', scope.accountId);
  const [recent, lastDone, lastDismissedCheckIn] = await Promise.all([
    ofAccount()
      .where((eb) => {
        const naming =
          scope.promiseIds.length === 0 ? [] : [eb('promise_id', 'in', [...scope.promiseIds])];
        return eb.or([
          eb('due_at', '>=', scope.since),
          eb.and([eb('kind', '=', 'neglected_check_in'), eb('status', '=', 'suggested')]),
          ...naming,
        ]);
      })
      .execute(),
    ofAccount().where('status', '=', 'done').orderBy('done_at', 'desc').limit(1).execute(),
    ofAccount()
      .where('kind', '=', 'neglected_check_in')
      .where('status', '=', 'dismissed')
      .orderBy('dismissed_at', 'desc')
      .limit(1)
      .execute(),
  ]);
  const byId = new Map<string, Touchpoint>();
  for (const row of [...recent, ...lastDone, ...lastDismissedCheckIn]) {
    byId.set(row.id, toTouchpoint(row));
  }
  return [...byId.values()];
}

/**
 * An account's promises fulfilled in full at or after `since`, most recent first (at most
 * `limit`), each with its ordinal among all the account's fulfilled promises (by fulfilment time,
 * then id), read in one statement so the count and the list agree.
 */
export async function listRecentFulfilledPromises(
  db: Db,
  scope: { accountId: string; since: string; limit: number },
): Promise<FulfilledPromise[]> {
  const rows = await db
    .selectFrom('promises')
    .select(['id', 'title', 'importance', 'fulfilled_at'])
    .select((eb) =>
      eb
        .selectFrom('promises as every')
        .select((inner) => inner.fn.countAll<number | string>().as('n'))
        .where('every.account_id', '=', scope.accountId)
        .where('every.status', '=', 'fulfilled')
        .as('total'),
    )
    .where('account_id', '=', scope.accountId)
    .where('status', '=', 'fulfilled')
    .where('fulfilled_at', '>=', scope.since)
    .orderBy('fulfilled_at', 'desc')
    .orderBy('id', 'desc')
    .limit(scope.limit)
    .execute();
  return rows.flatMap((row, index) =>
    row.fulfilled_at === null
      ? []
      : [
          {
            promiseId: row.id,
            title: row.title,
            importance: row.importance as Importance,
            fulfilledAt: row.fulfilled_at,
            ordinal: Number(row.total ?? 0) - index,
          },
        ],
  );
}

/** The latest moment a promise was made or fulfilled for the account; null if never. */
export async function lastPromiseTouchAt(db: Db, accountId: string): Promise<string | null> {
  const row = await db
    .selectFrom('promises')
    .select((eb) => [eb.fn.max('made_at').as('made'), eb.fn.max('fulfilled_at').as('fulfilled')])
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  const moments = [row?.made, row?.fulfilled].filter(
    (moment): moment is string => typeof moment === 'string',
  );
  return moments.sort().at(-1) ?? null;
}

/** Ids of accounts after `afterId`, in id order: for running the rules over every account. */
export async function listAccountIdsAfter(
  db: Db,
  page: { afterId?: string | undefined; limit: number },
): Promise<string[]> {
  let query = db.selectFrom('accounts').select('id');
  if (page.afterId !== undefined) query = query.where('id', '>', page.afterId);
  const rows = await query.orderBy('id').limit(page.limit).execute();
  return rows.map((row) => row.id);
}
