import type { Instant } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';

/** A charter whose review came due in [from, to): what review-due events are made of. */
export interface ReviewComingDue {
  accountId: string;
  currentVersion: number;
  lastReviewedAt: Instant | null;
  nextReviewAt: Instant;
}

/** Charters whose next review date lies in [from, to), of accounts not churned, oldest first. */
export async function listReviewsComingDue(
  db: Db,
  window: { from: Instant; to: Instant; limit: number },
): Promise<ReviewComingDue[]> {
  const rows = await db
    .selectFrom('charters')
    .innerJoin('accounts', 'accounts.id', 'charters.account_id')
    .select([
      'charters.account_id as accountId',
      'charters.current_version as currentVersion',
      'charters.last_reviewed_at as lastReviewedAt',
      'charters.next_review_at as nextReviewAt',
    ])
    .where('charters.next_review_at', '>=', window.from)
    .where('charters.next_review_at', '<', window.to)
    .where('accounts.stage', '<>', 'churned')
    .orderBy('charters.next_review_at')
    .orderBy('charters.account_id')
    .limit(window.limit)
    .execute();
  return rows.map((row) => ({ ...row, currentVersion: Number(row.currentVersion) }));
}
