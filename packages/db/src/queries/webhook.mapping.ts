import type {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEventType,
  WebhookPayload,
  WebhookSubscription,
} from '@steadfast/domain';
import type {
  WebhookDeliveryRow,
  WebhookSubscriptionRow,
  WebhookSubscriptionTable,
} from '../schema/webhook.tables.ts';

// The one place where webhook rows and domain objects meet.

export function subscriptionToRow(
  subscription: WebhookSubscription & { secret: string },
): WebhookSubscriptionTable {
  return {
    id: subscription.id,
    token_id: subscription.tokenId,
    url: subscription.url,
    secret: subscription.secret,
    event_types: JSON.stringify(subscription.eventTypes),
    account_ids: subscription.accountIds === null ? null : JSON.stringify(subscription.accountIds),
    description: subscription.description,
    created_at: subscription.createdAt,
    disabled_at: subscription.disabledAt,
  };
}

export function rowToSubscription(row: WebhookSubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    tokenId: row.token_id,
    url: row.url,
    // Written by subscriptionToRow from validated input.
    eventTypes: JSON.parse(row.event_types) as WebhookEventType[],
    accountIds: row.account_ids === null ? null : (JSON.parse(row.account_ids) as string[]),
    description: row.description,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

export function rowToDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    messageId: row.message_id,
    subscriptionId: row.subscription_id,
    // Written by insertWebhookDeliveries from domain events.
    type: row.event_type as WebhookEventType,
    accountId: row.account_id,
    payload: JSON.parse(row.payload) as WebhookPayload,
    status: row.status as WebhookDeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}
