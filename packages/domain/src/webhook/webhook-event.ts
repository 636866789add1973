import type { Instant } from '../shared/instant.ts';

/**
 * What an integration can be told about as it happens: a promise flagged at risk, missed or
 * fulfilled; an observation that broke a charter term; a charter whose review has come due.
 */
export const webhookEventTypes = [
  'promise.at_risk',
  'promise.missed',
  'promise.fulfilled',
  'charter.breached',
  'charter.review_due',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** The promise an event is about, as a receiver needs it to act without calling back. */
export interface WebhookPromiseData {
  promiseId: string;
  accountId: string;
  ownerId: string;
  title: string;
  kind: string;
  importance: string;
  status: string;
  /** The deadline of the due in force when it happened. */
  dueDeadline: Instant;
  /** The promise's version after the change (its number of events). */
  version: number;
  /** Why it is at risk (at_risk only). */
  reason?: string | null;
}

/** The observation that missed its term's target, and by how much. */
export interface WebhookBreachData {
  accountId: string;
  termId: string;
  /** The term as the charter states it: "first response time: 95% within 4 business hours". */
  term: string;
  observationId: string;
  reference: string | null;
  occurredAt: Instant;
  measured: number;
  limit: number;
  over: number;
  unit: string;
  charterVersion: number;
}

/** A charter whose review with the client is due. */
export interface WebhookReviewDueData {
  accountId: string;
  charterVersion: number;
  lastReviewedAt: Instant | null;
  nextReviewAt: Instant;
}

/**
 * Something that happened which subscribers may want: its type, the account it concerns (for
 * subscriptions filtered by account), when it happened, and what a receiver is sent as `data`.
 */
export type WebhookEvent =
  | {
      type: 'promise.at_risk' | 'promise.missed' | 'promise.fulfilled';
      accountId: string;
      occurredAt: Instant;
      data: WebhookPromiseData;
    }
  | { type: 'charter.breached'; accountId: string; occurredAt: Instant; data: WebhookBreachData }
  | {
      type: 'charter.review_due';
      accountId: string;
      occurredAt: Instant;
      data: WebhookReviewDueData;
    };

/** The JSON body a receiver gets, shaped as the Standard Webhooks spec recommends. */
export interface WebhookPayload {
  type: WebhookEventType;
  timestamp: Instant;
  data: WebhookEvent['data'];
}

export function webhookPayload(event: WebhookEvent): WebhookPayload {
  return { type: event.type, timestamp: event.occurredAt, data: event.data };
}
