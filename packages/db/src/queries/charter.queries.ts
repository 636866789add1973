// Queries for charters and observations.
import {
  type AccountStage,
  type Charter,
  type CharterHead,
  type CharterReview,
  type CharterVersion,
  charterVersionConflict,
} from '@steadfast/domain';
import { isUniqueViolation } from '../connection.ts';
import type { Db } from '../schema/database.ts';
import { inTransaction } from '../transaction.ts';
import {
  headToRow,
  reviewToRow,
  rowToHead,
  rowToReview,
  rowToVersion,
  versionToRow,
} from './charter.mapping.ts';
import { holdAccountForChange } from './write-turns.queries.ts';

// Observations live beside charters; the package exports them here.
export * from './charter-observation.queries.ts';

/** An account's charter head, without its terms. */
export async function findCharterHead(db: Db, accountId: string): Promise<CharterHead | undefined> {
  const row = await db
    .selectFrom('charters')
    .selectAll()
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row && rowToHead(row);
}

/** An account's charter (head and current version), or undefined when it has none. */
export async function findCharter(db: Db, accountId: string): Promise<Charter | undefined> {
  const head = await findCharterHead(db, accountId);
  if (head === undefined) return undefined;
  const current = await findCharterVersion(db, accountId, head.currentVersion);
  // The head and its version are written in one transaction: one never exists without the other.
  if (current === undefined) throw new Error(`charter ${accountId} lacks its current version`);
  return { head, current };
}

/**
 * `findCharter` for many accounts at once, by account id (accounts without a charter are left
 * out): two reads per 500 accounts instead of two per account.
 */
export async function findCharters(
  db: Db,
  accountIds: readonly string[],
): Promise<Map<string, Charter>> {
  const charters = new Map<string, Charter>();
  for (let start = 0; start < accountIds.length; start += 500) {
    const part = accountIds.slice(start, start + 500);
    if (part.length === 0) continue;
    const heads = await db
      .selectFrom('charters')
      .selectAll()
      .where('account_id', 'in', part)
      .execute();
    const versions = await db
      .selectFrom('charter_versions')
      .innerJoin('charters', (join) =>
        join
          .onRef('charters.account_id', '=', 'charter_versions.account_id')
          .onRef('charters.current_version', '=', 'charter_versions.version'),
      )
      .selectAll('charter_versions')
      .where('charters.account_id', 'in', part)
      .execute();
    const currentByAccount = new Map(versions.map((row) => [row.account_id, rowToVersion(row)]));
    for (const row of heads) {
      const current = currentByAccount.get(row.account_id);
      // The head and its version are written in one transaction: one never exists without the other.
      if (current === undefined)
        throw new Error(`charter ${row.account_id} lacks its current version`);
      charters.set(row.account_id, { head: rowToHead(row), current });
    }
  }
  return charters;
}

/**
 * An account's charter read to be changed in the transaction `trx`: writers of one charter take
 * turns (see write-turns), so a stale writer is told the version the one before it left, even
 * when both saved the first version.
 */
export async function findCharterForChange(
  trx: Db,
  accountId: string,
): Promise<Charter | undefined> {
  await holdAccountForChange(trx, accountId);
  return findCharter(trx, accountId);
}

export async function findCharterVersion(
  db: Db,
  accountId: string,
  version: number,
): Promise<CharterVersion | undefined> {
  const row = await db
    .selectFrom('charter_versions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && rowToVersion(row);
}

/** Every version of an account's charter, oldest first. */
export async function listCharterVersions(db: Db, accountId: string): Promise<CharterVersion[]> {
  const rows = await db
    .selectFrom('charter_versions')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('version')
    .execute();
  return rows.map(rowToVersion);
}

/** An account's charter reviews, newest first. */
export async function listCharterReviews(db: Db, accountId: string): Promise<CharterReview[]> {
  const rows = await db
    .selectFrom('charter_reviews')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('reviewed_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(rowToReview);
}

class StaleCharter extends Error {
  constructor(readonly currentVersion: number | undefined) {
    super('stale charter version');
  }
}

/** Moves the head from `expectedVersion` (0: none yet) to `head`, or throws StaleCharter. */
async function moveHead(trx: Db, head: CharterHead, expectedVersion: number): Promise<void> {
  if (expectedVersion === 0) {
    await trx.insertInto('charters').values(headToRow(head)).execute();
    return;
  }
  const { account_id, ...columns } = headToRow(head);
  const result = await trx
    .updateTable('charters')
    .set(columns)
    .where('account_id', '=', account_id)
    .where('current_version', '=', expectedVersion)
    .executeTakeFirst();
  if (result.numUpdatedRows > 0n) return;
  const current = await findCharterHead(trx, head.accountId);
  throw new StaleCharter(current?.currentVersion ?? 0);
}

/**
 * Runs a charter write in one transaction; a head no longer at `expectedVersion`, or a racing
 * writer's version row, becomes a `version_conflict` naming the current version.
 */
async function writeCharter(
  db: Db,
  expectedVersion: number,
  accountId: string,
  work: (trx: Db) => Promise<void>,
): Promise<void> {
  try {
    await inTransaction(db, work);
  } catch (error) {
    if (error instanceof StaleCharter) {
      throw charterVersionConflict(error.currentVersion, expectedVersion);
    }
    if (!isUniqueViolation(error)) throw error;
    // The failed transaction is gone; read the winner's version outside it (when we can).
    const current = db.isTransaction
      ? undefined
      : await findCharterHead(db, accountId).catch(() => undefined);
    throw charterVersionConflict(current?.currentVersion, expectedVersion);
  }
}

/**
 * Saves a new charter version and moves the head to it, in one transaction. Older versions are
 * never updated; if the head is no longer at `expectedVersion`, nothing is written.
 */
export async function saveCharterVersion(
  db: Db,
  change: { head: CharterHead; version: CharterVersion; expectedVersion: number },
): Promise<void> {
  await writeCharter(db, change.expectedVersion, change.head.accountId, async (trx) => {
    await moveHead(trx, change.head, change.expectedVersion);
    await trx.insertInto('charter_versions').values(versionToRow(change.version)).execute();
  });
}

/**
 * Records a review: the review row, the head's new review dates, and the new version when the
 * review changed the charter, in one transaction, guarded by the version reviewed.
 */
export async function saveCharterReview(
  db: Db,
  change: {
    review: CharterReview;
    head: CharterHead;
    version: CharterVersion | null;
    expectedVersion: number;
  },
): Promise<void> {
  await writeCharter(db, change.expectedVersion, change.head.accountId, async (trx) => {
    await moveHead(trx, change.head, change.expectedVersion);
    if (change.version !== null) {
      await trx.insertInto('charter_versions').values(versionToRow(change.version)).execute();
    }
    await trx.insertInto('charter_reviews').values(reviewToRow(change.review)).execute();
  });
}

/** A charter whose next review date has passed. */
export interface OverdueCharterReview {
  accountId: string;
  accountName: string;
  ownerId: string;
  currentVersion: number;
  lastReviewedAt: string | null;
  nextReviewAt: string;
}

/**
 * Charters whose next review date is before `now`, the longest overdue first; churned accounts
 * are left out (there is nobody left to review it with).
 */
export async function listOverdueCharterReviews(
  db: Db,
  filter: { now: string; ownerId?: string | undefined; limit?: number | undefined },
): Promise<OverdueCharterReview[]> {
  let query = db
    .selectFrom('charters')
    .innerJoin('accounts', 'accounts.id', 'charters.account_id')
    .select([
      'charters.account_id as accountId',
      'accounts.name as accountName',
      'accounts.owner_id as ownerId',
      'charters.current_version as currentVersion',
      'charters.last_reviewed_at as lastReviewedAt',
      'charters.next_review_at as nextReviewAt',
    ])
    .where('charters.next_review_at', '<', filter.now)
    .where('accounts.stage', '<>', 'churned');
  if (filter.ownerId !== undefined) query = query.where('accounts.owner_id', '=', filter.ownerId);
  const rows = await query
    .orderBy('charters.next_review_at')
    .orderBy('charters.account_id')
    .limit(filter.limit ?? 500)
    .execute();
  return rows.map((row) => ({ ...row, currentVersion: Number(row.currentVersion) }));
}

/** An account in one of the given stages that has no charter at all: a knowledge gap. */
export interface AccountWithoutCharter {
  accountId: string;
  accountName: string;
  ownerId: string;
  stage: AccountStage;
}

export async function listAccountsWithoutCharter(
  db: Db,
  filter: {
    stages: readonly AccountStage[];
    ownerId?: string | undefined;
    limit?: number | undefined;
  },
): Promise<AccountWithoutCharter[]> {
  if (filter.stages.length === 0) return [];
  let query = db
    .selectFrom('accounts')
    .leftJoin('charters', 'charters.account_id', 'accounts.id')
    .select([
      'accounts.id as accountId',
      'accounts.name as accountName',
      'accounts.owner_id as ownerId',
      'accounts.stage as stage',
    ])
    .where('charters.account_id', 'is', null)
    .where('accounts.stage', 'in', [...filter.stages]);
  if (filter.ownerId !== undefined) query = query.where('accounts.owner_id', '=', filter.ownerId);
  const rows = await query
    .orderBy('accounts.name')
    .orderBy('accounts.id')
    .limit(filter.limit ?? 500)
    .execute();
  return rows.map((row) => ({ ...row, stage: row.stage as AccountStage }));
}
