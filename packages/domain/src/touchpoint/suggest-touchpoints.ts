import { instantMs } from '../shared/instant.ts';
import { suggestAnniversary } from './anniversary.ts';
import { suggestNeglectedCheckIn } from './neglect-rule.ts';
import { suggestRepeatCustomerThanks, suggestThanksAfterFulfilment } from './thanks-rules.ts';
import type { Touchpoint, TouchpointSuggestion } from './touchpoint.ts';
import type { TouchpointRuleInput } from './touchpoint-facts.ts';

/**
 * Every relationship moment due now for one account, soonest first: thanks after fulfilments,
 * repeat-customer thanks, the anniversary, a check-in if neglected. None it already brought up:
 * each has a `dedupeKey` that names the moment, so running the rules again suggests nothing new.
 */
export function suggestTouchpoints(input: TouchpointRuleInput): TouchpointSuggestion[] {
  return [
    ...suggestThanksAfterFulfilment(input),
    ...suggestRepeatCustomerThanks(input),
    ...suggestAnniversary(input),
    ...suggestNeglectedCheckIn(input),
  ].sort((a, b) => instantMs(a.dueAt) - instantMs(b.dueAt) || (a.dedupeKey < b.dedupeKey ? -1 : 1));
}

/** A rule's suggestion as a touchpoint waiting for the account's owner. */
export function suggestedTouchpoint(
  suggestion: TouchpointSuggestion,
  stamp: { touchpointId: string; accountId: string; ownerId: string; now: string },
): Touchpoint {
  return {
    ...suggestion,
    id: stamp.touchpointId,
    accountId: stamp.accountId,
    ownerId: stamp.ownerId,
    origin: 'rule',
    status: 'suggested',
    note: null,
    doneAt: null,
    doneBy: null,
    dismissedAt: null,
    dismissReason: null,
    createdAt: stamp.now,
    updatedAt: stamp.now,
    version: 1,
  };
}
