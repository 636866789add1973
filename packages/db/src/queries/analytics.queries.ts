import type { PromiseKind, PromiseStatus } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';

/** One promise as the calibration sees it: who, what kind, and how long it ran in business time. */
export interface DurationRow {
  id: string;
  kind: PromiseKind;
  accountId: string;
  ownerId: string;
  status: PromiseStatus;
  clockStartedAt: string;
  /** Clock start → fulfilment, when fulfilled in full. */
  fulfilledMinutes: number | null;
  /** Clock start → close, however it closed; null while open. */
  closedMinutes: number | null;
}

export interface DurationScope {
  kind?: PromiseKind | undefined;
  accountId?: string | undefined;
  ownerId?: string | undefined;
}

/**
 * The most recent `limit` promises of a scope whose clock has started, newest first. Calibration
 * reads a bounded, recent slice of the record: never the whole history on a request.
 */
export async function listRecentDurations(
  db: Db,
  scope: DurationScope,
  limit: number,
): Promise<DurationRow[]> {
  let query = db
    .selectFrom('promises')
    .select([
      'id',
      'kind',
      'account_id',
      'owner_id',
      'status',
      'clock_started_at',
      'fulfilled_minutes',
      'closed_minutes',
    ])
    .where('clock_started_at', 'is not', null);
  if (scope.kind !== undefined) query = query.where('kind', '=', scope.kind);
  if (scope.accountId !== undefined) query = query.where('account_id', '=', scope.accountId);
  if (scope.ownerId !== undefined) query = query.where('owner_id', '=', scope.ownerId);
  const rows = await query.orderBy('made_at', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as PromiseKind,
    accountId: row.account_id,
    ownerId: row.owner_id,
    status: row.status as PromiseStatus,
    clockStartedAt: row.clock_started_at ?? '',
    fulfilledMinutes: row.fulfilled_minutes === null ? null : Number(row.fulfilled_minutes),
    closedMinutes: row.closed_minutes === null ? null : Number(row.closed_minutes),
  }));
}

/** Promised vs actual business minutes of an account's latest fulfilled promises of a kind, oldest first. */
export async function listRecentFulfilments(
  db: Db,
  scope: { accountId: string; kind: PromiseKind; limit: number },
): Promise<{ promisedMinutes: number; actualMinutes: number }[]> {
  const rows = await db
    .selectFrom('promises')
    .select(['promised_minutes', 'fulfilled_minutes'])
    .where('account_id', '=', scope.accountId)
    .where('kind', '=', scope.kind)
    .where('status', '=', 'fulfilled')
    .where('promised_minutes', '>', 0)
    .where('fulfilled_minutes', 'is not', null)
    .orderBy('fulfilled_at', 'desc')
    .limit(scope.limit)
    .execute();
  return rows.reverse().map((row) => ({
    promisedMinutes: Number(row.promised_minutes),
    actualMinutes: Number(row.fulfilled_minutes),
  }));
}

/** Accounts that have promises still running: where a risk sweep has work. */
export async function listAccountsWithOpenPromises(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('promises')
    .select('account_id')
    .distinct()
    .where('status', 'in', ['open', 'awaiting_condition'])
    .execute();
  return rows.map((row) => row.account_id);
}

/** Where each given promise's clock stands: for judging forecasts of promises still running. */
export async function listClockStarts(
  db: Db,
  promiseIds: readonly string[],
): Promise<{ id: string; accountId: string; clockStartedAt: string | null }[]> {
  const result: { id: string; accountId: string; clockStartedAt: string | null }[] = [];
  const unique = [...new Set(promiseIds)];
  for (let start = 0; start < unique.length; start += 500) {
    const rows = await db
      .selectFrom('promises')
      .select(['id', 'account_id', 'clock_started_at'])
      .where('id', 'in', unique.slice(start, start + 500))
      .execute();
    for (const row of rows)
      result.push({ id: row.id, accountId: row.account_id, clockStartedAt: row.clock_started_at });
  }
  return result;
}
