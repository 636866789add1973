import type { UserRole } from '../account/user.ts';
import type { PromiseStatus } from '../promise/promise-state.ts';
import type { Instant } from '../shared/instant.ts';

/**
 * A person's calendar feed: a secret URL their calendar app polls. Only the hash of its secret is
 * stored; making a new one revokes the old, so a leaked URL is stopped by replacing it.
 */
export interface CalendarFeed {
  id: string;
  userId: string;
  createdAt: Instant;
  /** The last time a calendar app fetched it (noted at most once a minute); null: never. */
  lastFetchedAt: Instant | null;
  revokedAt: Instant | null;
}

/**
 * The promises a feed shows: those still to be kept. An `awaiting_condition` promise is shown
 * too (tentatively): its due is what the customer was told, should the condition be met.
 */
export const feedPromiseStatuses: readonly PromiseStatus[] = ['open', 'awaiting_condition'];

/**
 * Whose charter reviews a person's feed holds: an account manager's, those of their own accounts;
 * a leader's or admin's, those of every account (they oversee reviews across the portfolio).
 * Promises are always the person's own.
 */
export function feedCharterScope(role: UserRole): 'own_accounts' | 'all_accounts' {
  return role === 'account_manager' ? 'own_accounts' : 'all_accounts';
}
