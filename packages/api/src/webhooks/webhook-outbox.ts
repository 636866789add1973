import { createHash } from 'node:crypto';
import { type Db, insertWebhookDeliveries, listActiveWebhookSubscriptions } from '@steadfast/db';
import {
  type Instant,
  subscriptionWants,
  type WebhookEvent,
  type WebhookSubscription,
  webhookPayload,
} from '@steadfast/domain';

/** What writing to the outbox needs: the store (the transaction of the change), clock and ids. */
export interface OutboxContext {
  db: Db;
  now: () => Instant;
  newId: () => string;
  /** An import replaying past history: nothing goes to the outbox (see `ApiContext`). */
  replayingHistory?: boolean;
}

/** A fresh message id (`msg_` and a UUIDv7's hex digits: unique, sortable by creation). */
export function newMessageId(newId: () => string): string {
  return `msg_${newId().replaceAll('-', '')}`;
}

/** The message id of an event known by a key (a charter's review date): the same every time. */
export function messageIdForKey(key: string): string {
  return `msg_${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/** One event with its message id, and which subscriptions it may go to beyond matching. */
export interface OutgoingEvent {
  event: WebhookEvent;
  messageId: string;
  /** Leaves out subscriptions this says no to (e.g. ones made after a review came due). */
  eligible?: (subscription: WebhookSubscription) => boolean;
}

/**
 * Writes events to the outbox in the caller's transaction: one delivery per event and active
 * subscription that wants it (its type, its accounts). Written with the change that caused them,
 * they are kept or rolled back with it. Returns how many deliveries were new.
 */
export async function writeToOutbox(
  context: OutboxContext,
  outgoing: readonly OutgoingEvent[],
): Promise<number> {
  if (outgoing.length === 0 || context.replayingHistory === true) return 0;
  const subscriptions = await listActiveWebhookSubscriptions(context.db);
  const createdAt = context.now();
  const deliveries = outgoing.flatMap(({ event, messageId, eligible }) =>
    subscriptions
      .filter((subscription) => subscriptionWants(subscription, event))
      .filter((subscription) => eligible?.(subscription) ?? true)
      .map((subscription) => ({
        id: context.newId(),
        messageId,
        subscriptionId: subscription.id,
        accountId: event.accountId,
        payload: webhookPayload(event),
        createdAt,
      })),
  );
  let written = 0;
  // Bounded batches keep each INSERT under both databases' limits on bound parameters.
  for (let start = 0; start < deliveries.length; start += 500) {
    written += await insertWebhookDeliveries(context.db, deliveries.slice(start, start + 500));
  }
  return written;
}

/** Events that happen once, each under a new message id. */
export function emitWebhookEvents(
  context: OutboxContext,
  events: readonly WebhookEvent[],
): Promise<number> {
  return writeToOutbox(
    context,
    events.map((event) => ({ event, messageId: newMessageId(context.newId) })),
  );
}
