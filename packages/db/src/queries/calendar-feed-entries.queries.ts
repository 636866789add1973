import {
  type FeedCharterReview,
  type FeedPromise,
  feedPromiseStatuses,
  type Importance,
  type PromiseKind,
  type PromiseStatus,
} from '@steadfast/domain';
import type { Db } from '../schema/database.ts';

/**
 * A person's promises still to be kept (open or awaiting their condition), soonest deadline
 * first, with their account's and contact's names. Reads the (owner, status, deadline) index.
 */
export async function listFeedPromises(
  db: Db,
  filter: { ownerId: string; limit: number },
): Promise<FeedPromise[]> {
  const rows = await db
    .selectFrom('promises')
    .innerJoin('accounts', 'accounts.id', 'promises.account_id')
    .leftJoin('contacts', 'contacts.id', 'promises.contact_id')
    .select([
      'promises.id',
      'promises.title',
      'promises.kind',
      'promises.importance',
      'promises.status',
      'promises.at_risk',
      'promises.due_start',
      'promises.due_deadline',
      'promises.version',
      'promises.updated_at',
      'accounts.name as account_name',
      'contacts.name as contact_name',
    ])
    .where('promises.owner_id', '=', filter.ownerId)
    .where('promises.status', 'in', [...feedPromiseStatuses])
    .orderBy('promises.due_deadline')
    .orderBy('promises.id')
    .limit(filter.limit)
    .execute();
  return rows.map((row) => ({
    promise: {
      id: row.id,
      title: row.title,
      kind: row.kind as PromiseKind,
      importance: row.importance as Importance,
      status: row.status as PromiseStatus,
      atRisk: Number(row.at_risk) === 1,
      dueStart: row.due_start,
      dueDeadline: row.due_deadline,
      version: Number(row.version),
      updatedAt: row.updated_at,
    },
    accountName: row.account_name,
    contactName: row.contact_name,
  }));
}

/**
 * The next review of each charter, soonest first: of one manager's accounts (`ownerId`), or of
 * every account (null). Churned accounts are left out: there is nobody left to review it with.
 */
export async function listFeedCharterReviews(
  db: Db,
  filter: { ownerId: string | null; limit: number },
): Promise<FeedCharterReview[]> {
  let query = db
    .selectFrom('charters')
    .innerJoin('accounts', 'accounts.id', 'charters.account_id')
    .innerJoin('users', 'users.id', 'accounts.owner_id')
    .select([
      'charters.account_id',
      'accounts.name as account_name',
      'accounts.time_zone',
      'users.name as owner_name',
      'charters.current_version',
      'charters.created_at',
      'charters.last_reviewed_at',
      'charters.next_review_at',
      'charters.updated_at',
    ])
    .where('accounts.stage', '<>', 'churned');
  if (filter.ownerId !== null) query = query.where('accounts.owner_id', '=', filter.ownerId);
  const rows = await query
    .orderBy('charters.next_review_at')
    .orderBy('charters.account_id')
    .limit(filter.limit)
    .execute();
  return rows.map((row) => ({
    accountId: row.account_id,
    accountName: row.account_name,
    timeZone: row.time_zone,
    ownerName: row.owner_name,
    currentVersion: Number(row.current_version),
    createdAt: row.created_at,
    lastReviewedAt: row.last_reviewed_at,
    nextReviewAt: row.next_review_at,
    updatedAt: row.updated_at,
  }));
}
