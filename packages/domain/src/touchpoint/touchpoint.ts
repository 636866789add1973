import type { Instant } from '../shared/instant.ts';

export const touchpointKinds = [
  'thank_you_after_fulfilment',
  'repeat_customer_thanks',
  'referral',
  'anniversary',
  'neglected_check_in',
] as const;
/**
 * The small, genuine gestures that keep a relationship warm: thanks after a delivery, thanks to a
 * repeat customer, a referral sent their way, a yearly customer anniversary, a check-in on an
 * existing account nobody has touched for too long.
 */
export type TouchpointKind = (typeof touchpointKinds)[number];

export const touchpointStatuses = ['suggested', 'done', 'dismissed'] as const;
/** `suggested` by a rule and waiting for a person; `done` (with a note, when); `dismissed` (why). */
export type TouchpointStatus = (typeof touchpointStatuses)[number];

export const touchpointOrigins = ['rule', 'person'] as const;
/** Who brought the moment up: a rule suggested it, or a person logged it as done. */
export type TouchpointOrigin = (typeof touchpointOrigins)[number];

/** A relationship moment with one account (and its owner), suggested by a rule or logged. */
export interface Touchpoint {
  id: string;
  accountId: string;
  /** The account manager it is for: the account's owner when it was suggested or logged. */
  ownerId: string;
  kind: TouchpointKind;
  origin: TouchpointOrigin;
  status: TouchpointStatus;
  /**
   * Names the moment (`thanks:<promiseId>`, `anniversary:<accountId>:2027`, …), unique per
   * account, so a rule never suggests the same moment twice. A logged one's is `logged:<id>`.
   */
  dedupeKey: string;
  /** The fulfilled promise a thank-you is for; null for other kinds. */
  promiseId: string | null;
  /** When the moment is: the delivery, the anniversary, the day neglect began; or when done. */
  dueAt: Instant;
  /** Why a rule suggested it, in words; null for a logged one. */
  reason: string | null;
  note: string | null;
  doneAt: Instant | null;
  doneBy: string | null;
  dismissedAt: Instant | null;
  dismissReason: string | null;
  createdAt: Instant;
  updatedAt: Instant;
  /** 1 when created, +1 per change: the version a writer must name to change it. */
  version: number;
}

/** What the rules read of an account's touchpoints so far. */
export type TouchpointSoFar = Pick<
  Touchpoint,
  'kind' | 'status' | 'dedupeKey' | 'promiseId' | 'dueAt' | 'doneAt' | 'dismissedAt'
>;

/** A moment a rule found due now, before it is stored as a suggested touchpoint. */
export interface TouchpointSuggestion {
  kind: TouchpointKind;
  dedupeKey: string;
  promiseId: string | null;
  dueAt: Instant;
  reason: string;
}
