// Queries for requests, friction reports and satisfaction signals.
import {
  type BusinessDuration,
  type CustomerRequest,
  DomainError,
  type Due,
  notFound,
  type PromiseKind,
  type RequestAnswer,
  type RequestStatus,
} from '@steadfast/domain';
import type { Db } from '../schema/database.ts';
import type { NewRequestRow, RequestRow } from '../schema/request.tables.ts';
import { inTransaction } from '../transaction.ts';
import { insertMadePromise, type PromiseChange } from './promise.queries.ts';

// Friction reports and satisfaction signals live beside requests; the package exports them here.
export * from './friction-report.queries.ts';
export * from './satisfaction-signal.queries.ts';

// JSON columns below were written by requestToRow from validated domain values.
function rowToAnswer(row: RequestRow): RequestAnswer | null {
  if (row.answered_at === null) return null;
  const facts = { answeredAt: row.answered_at, answeredBy: row.answered_by };
  switch (row.status as RequestStatus) {
    case 'declined':
      return { ...facts, type: 'declined', reason: row.decline_reason ?? '' };
    case 'accepted':
      return { ...facts, type: 'accepted', promiseId: row.promise_id ?? '' };
    default:
      return {
        ...facts,
        type: 'countered',
        promiseId: row.promise_id ?? '',
        offer: row.counter_offer ?? '',
        condition: row.counter_condition ?? '',
        within: JSON.parse(row.counter_within ?? 'null') as BusinessDuration,
      };
  }
}

function rowToRequest(row: RequestRow): CustomerRequest {
  return {
    id: row.id,
    accountId: row.account_id,
    contactId: row.contact_id,
    ownerId: row.owner_id,
    kind: row.kind as PromiseKind,
    title: row.title,
    details: row.details,
    askedAt: row.asked_at,
    wantedBy: row.wanted_by === null ? null : (JSON.parse(row.wanted_by) as Due),
    status: row.status as RequestStatus,
    answer: rowToAnswer(row),
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    version: Number(row.version),
    updatedAt: row.updated_at,
  };
}

function requestToRow(request: CustomerRequest): NewRequestRow {
  const answer = request.answer;
  return {
    id: request.id,
    account_id: request.accountId,
    contact_id: request.contactId,
    owner_id: request.ownerId,
    kind: request.kind,
    title: request.title,
    details: request.details,
    asked_at: request.askedAt,
    wanted_by: request.wantedBy === null ? null : JSON.stringify(request.wantedBy),
    status: request.status,
    answered_at: answer?.answeredAt ?? null,
    answered_by: answer?.answeredBy ?? null,
    promise_id: answer !== null && answer.type !== 'declined' ? answer.promiseId : null,
    counter_offer: answer?.type === 'countered' ? answer.offer : null,
    counter_condition: answer?.type === 'countered' ? answer.condition : null,
    counter_within: answer?.type === 'countered' ? JSON.stringify(answer.within) : null,
    decline_reason: answer?.type === 'declined' ? answer.reason : null,
    recorded_at: request.recordedAt,
    recorded_by: request.recordedBy,
    version: request.version,
    updated_at: request.updatedAt,
  };
}

export async function insertRequest(db: Db, request: CustomerRequest): Promise<void> {
  await db.insertInto('requests').values(requestToRow(request)).execute();
}

export async function findRequest(db: Db, id: string): Promise<CustomerRequest | undefined> {
  const row = await db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToRequest(row);
}

export interface RequestFilter {
  accountId?: string | undefined;
  ownerId?: string | undefined;
  status?: RequestStatus | undefined;
  /** Keyset cursor: continue with requests asked before this (askedAt, id). */
  before?: { askedAt: string; id: string } | undefined;
  limit: number;
}

/** Requests, most recently asked first. */
export async function listRequests(db: Db, filter: RequestFilter): Promise<CustomerRequest[]> {
  let query = db.selectFrom('requests').selectAll();
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  if (filter.ownerId !== undefined) query = query.where('owner_id', '=', filter.ownerId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  const before = filter.before;
  if (before !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('asked_at', '<', before.askedAt),
        eb.and([eb('asked_at', '=', before.askedAt), eb('id', '<', before.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('asked_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(rowToRequest);
}

/** A decided answer: the request as answered and, for an accept or a counter, its new promise. */
export interface AnsweredRequest {
  request: CustomerRequest;
  promise: PromiseChange | null;
}

/**
 * Reads a request, lets the domain answer it, and stores the answer with the promise it made, in
 * one transaction. The request moves from the version before the answer to the answer's; if it
 * is no longer there (someone answered first), nothing is written: a `version_conflict`.
 */
export async function answerRequest(
  db: Db,
  requestId: string,
  decide: (request: CustomerRequest) => AnsweredRequest,
): Promise<AnsweredRequest> {
  return inTransaction(db, async (trx) => {
    const current = await findRequest(trx, requestId);
    if (current === undefined) throw notFound('request', requestId, 'requestId');
    const answered = decide(current);
    if (answered.promise !== null) await insertMadePromise(trx, answered.promise);
    const { id, ...columns } = requestToRow(answered.request);
    const result = await trx
      .updateTable('requests')
      .set(columns)
      .where('id', '=', id)
      .where('version', '=', answered.request.version - 1)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      const latest = await findRequest(trx, id);
      throw new DomainError({
        code: 'version_conflict',
        kind: 'conflict',
        field: 'expectedVersion',
        message: `Request ${id} was changed by someone else (it is now at version ${latest?.version}): reload it and try again.`,
        details: { currentVersion: latest?.version },
      });
    }
    return answered;
  });
}
