import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import type { CharterHead } from '../charter/charter.ts';
import type { CharterObservation } from '../charter/charter-observation.ts';
import { type CharterTerm, termCalendar } from '../charter/charter-term.ts';
import { describeTerm, isDurationTerm, termLimit } from '../charter/term-target.ts';
import type { WebhookEvent } from './webhook-event.ts';

/**
 * The breach an observation makes, if any: it measured more than its term allows (the target in
 * business minutes in the term's calendar, or a quantity's `atMost`). One observation over target
 * is a breach of that instance, whether or not the term's share still meets its threshold.
 */
export function charterBreachEvent(
  observation: CharterObservation,
  term: CharterTerm,
  accountCalendar: BusinessCalendar,
): WebhookEvent | null {
  const measured = isDurationTerm(term) ? observation.businessMinutes : observation.quantity;
  if (measured === null) return null;
  const { limit, unit } = termLimit(term, termCalendar(term, accountCalendar));
  if (measured <= limit) return null;
  return {
    type: 'charter.breached',
    accountId: observation.accountId,
    occurredAt: observation.occurredAt,
    data: {
      accountId: observation.accountId,
      termId: term.id,
      term: describeTerm(term),
      observationId: observation.id,
      reference: observation.reference,
      occurredAt: observation.occurredAt,
      measured,
      limit,
      over: measured - limit,
      unit,
      charterVersion: observation.charterVersion,
    },
  };
}

/** A charter's review has come due at its next review date (the event is of that moment). */
export function charterReviewDueEvent(
  head: Pick<CharterHead, 'accountId' | 'currentVersion' | 'lastReviewedAt' | 'nextReviewAt'>,
): WebhookEvent {
  return {
    type: 'charter.review_due',
    accountId: head.accountId,
    occurredAt: head.nextReviewAt,
    data: {
      accountId: head.accountId,
      charterVersion: head.currentVersion,
      lastReviewedAt: head.lastReviewedAt,
      nextReviewAt: head.nextReviewAt,
    },
  };
}

/**
 * What makes a review-due event the same event however often it is noticed: the account and the
 * review date. A review recorded moves the date, so the next one is a new event.
 */
export function charterReviewDueKey(head: Pick<CharterHead, 'accountId' | 'nextReviewAt'>): string {
  return `charter.review_due:${head.accountId}:${head.nextReviewAt}`;
}
