import type { Instant } from '../shared/instant.ts';
import type { WebhookEventType, WebhookPayload } from './webhook-event.ts';

/**
 * Where a delivery stands: `pending` (not yet received: due now or waiting to retry),
 * `delivered` (the receiver answered 2xx), `dead` (every attempt failed: a dead letter, kept for
 * someone to look at and redeliver).
 */
export const webhookDeliveryStatuses = ['pending', 'delivered', 'dead'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/**
 * One event on its way to one subscription. `messageId` (`msg_…`) is sent as `webhook-id` on
 * every attempt, so a receiver that gets it twice can tell it is the same event.
 */
export interface WebhookDelivery {
  id: string;
  messageId: string;
  subscriptionId: string;
  type: WebhookEventType;
  accountId: string;
  payload: WebhookPayload;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Instant;
  lastAttemptAt: Instant | null;
  /** The HTTP status of the last attempt; null when it got no answer (refused, timed out). */
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Instant;
  deliveredAt: Instant | null;
}
