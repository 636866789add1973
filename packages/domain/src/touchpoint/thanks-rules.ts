import { formatLocalDate, localDateAt } from '../calendar/local-date.ts';
import { type Importance, importanceLevels } from '../promise/promise-terms.ts';
import { type Instant, instantMs } from '../shared/instant.ts';
import { ordinalWords } from './ordinal-words.ts';
import type { TouchpointSuggestion } from './touchpoint.ts';
import {
  DAY_MS,
  type FulfilledPromise,
  isMomentTaken,
  type TouchpointRuleInput,
} from './touchpoint-facts.ts';

function atLeast(importance: Importance, minimum: Importance): boolean {
  return importanceLevels.indexOf(importance) >= importanceLevels.indexOf(minimum);
}

/** Fulfilled at or before `now`, and no more than `days` days ago. */
function fulfilledWithin(promise: FulfilledPromise, now: Instant, days: number): boolean {
  const ago = instantMs(now) - instantMs(promise.fulfilledAt);
  return ago >= 0 && ago <= days * DAY_MS;
}

function fulfilledOn(promise: FulfilledPromise, timeZone: string): string {
  return formatLocalDate(localDateAt(instantMs(promise.fulfilledAt), timeZone));
}

/**
 * A thank-you after a fulfilment that mattered: each promise of at least `thanksMinImportance`
 * (high or critical by default), fulfilled in full within the last `thanksWithinDays` days. A
 * promise that is a repeat-customer milestone gets that thank-you instead, never both.
 */
export function suggestThanksAfterFulfilment(input: TouchpointRuleInput): TouchpointSuggestion[] {
  const { rules } = input;
  return input.fulfilled
    .filter(
      (promise) =>
        atLeast(promise.importance, rules.thanksMinImportance) &&
        !rules.repeatMilestones.includes(promise.ordinal) &&
        fulfilledWithin(promise, input.now, rules.thanksWithinDays),
    )
    .map(
      (promise): TouchpointSuggestion => ({
        kind: 'thank_you_after_fulfilment',
        dedupeKey: `thanks:${promise.promiseId}`,
        promiseId: promise.promiseId,
        dueAt: promise.fulfilledAt,
        reason: `“${promise.title}” was fulfilled on ${fulfilledOn(promise, input.account.timeZone)}: thank them.`,
      }),
    )
    .filter((suggestion) => !isMomentTaken(input.touchpoints, suggestion));
}

/**
 * Thanks to a repeat customer: when the account's 3rd, 10th, 25th, 50th or 100th promise (the
 * `repeatMilestones`) is fulfilled, of any importance, within the last `thanksWithinDays` days.
 * Each milestone is thanked once per account.
 */
export function suggestRepeatCustomerThanks(input: TouchpointRuleInput): TouchpointSuggestion[] {
  const { rules } = input;
  return input.fulfilled
    .filter(
      (promise) =>
        rules.repeatMilestones.includes(promise.ordinal) &&
        fulfilledWithin(promise, input.now, rules.thanksWithinDays),
    )
    .map(
      (promise): TouchpointSuggestion => ({
        kind: 'repeat_customer_thanks',
        dedupeKey: `repeat_thanks:${input.account.id}:${promise.ordinal}`,
        promiseId: promise.promiseId,
        dueAt: promise.fulfilledAt,
        reason: `Their ${ordinalWords(promise.ordinal)} fulfilled promise (“${promise.title}”, fulfilled on ${fulfilledOn(promise, input.account.timeZone)}): thank them for coming back.`,
      }),
    )
    .filter((suggestion) => !isMomentTaken(input.touchpoints, suggestion));
}
