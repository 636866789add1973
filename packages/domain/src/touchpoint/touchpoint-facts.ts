import type { AccountStage } from '../account/account.ts';
import type { Importance } from '../promise/promise-terms.ts';
import type { Instant } from '../shared/instant.ts';
import type { TouchpointSoFar } from './touchpoint.ts';
import type { TouchpointRules } from './touchpoint-rules.ts';

/** Stages of a client we already serve: the ones anniversaries and check-ins are for. */
export const existingCustomerStages: readonly AccountStage[] = ['onboarding', 'active', 'at_risk'];

/** A promise fulfilled in full for the account, and the how-many-th such promise it was. */
export interface FulfilledPromise {
  promiseId: string;
  title: string;
  importance: Importance;
  fulfilledAt: Instant;
  /** 1 for the account's first fulfilled promise, 2 for the second, … (by fulfilment time). */
  ordinal: number;
}

/** What the touchpoint rules know of one account at `now`. */
export interface TouchpointRuleInput {
  account: {
    id: string;
    stage: AccountStage;
    /** A calendar date (YYYY-MM-DD) in the account's time zone, null for a prospect. */
    customerSince: string | null;
    timeZone: string;
    createdAt: Instant;
  };
  /** Its recently fulfilled promises (at least those fulfilled within the rules' windows). */
  fulfilled: readonly FulfilledPromise[];
  /** The latest moment a promise was made or fulfilled for the account; null if never. */
  lastPromiseTouchAt: Instant | null;
  /** Its touchpoints so far: at least the recent ones, the last done and the last check-in. */
  touchpoints: readonly TouchpointSoFar[];
  now: Instant;
  rules: TouchpointRules;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Has this moment already been brought up: a touchpoint with the same key, or (for a thank-you)
 * any touchpoint naming the same promise, such as a thank-you a person logged themselves.
 */
export function isMomentTaken(
  touchpoints: readonly TouchpointSoFar[],
  moment: { dedupeKey: string; promiseId: string | null },
): boolean {
  return touchpoints.some(
    (touchpoint) =>
      touchpoint.dedupeKey === moment.dedupeKey ||
      (moment.promiseId !== null && touchpoint.promiseId === moment.promiseId),
  );
}
