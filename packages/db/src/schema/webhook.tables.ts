import type { Insertable, Selectable } from 'kysely';

/** An endpoint an integration token subscribed to some event types (and optionally accounts). */
export interface WebhookSubscriptionTable {
  id: string;
  token_id: string;
  url: string;
  /**
   * The signing secret (`whsec_…`), kept as it is: every delivery is signed with it (HMAC-SHA256
   * needs the key itself, unlike a token secret, which only has to be checked against a hash).
   * Shown to the subscriber once, never listed.
   */
  secret: string;
  /** JSON array of event types, e.g. ["promise.missed"]. */
  event_types: string;
  /** JSON array of account ids; null: every account. */
  account_ids: string | null;
  description: string | null;
  created_at: string;
  disabled_at: string | null;
}

/**
 * The outbox: one row per event and subscription that wants it, written in the transaction of
 * the change that caused the event, then delivered (and retried) by whichever instance claims it.
 */
export interface WebhookDeliveryTable {
  id: string;
  /** `msg_…`, the `webhook-id` of every attempt; one event to several subscriptions shares it. */
  message_id: string;
  subscription_id: string;
  event_type: string;
  account_id: string;
  /** The JSON body exactly as sent (and signed) on every attempt. */
  payload: string;
  /** pending → delivered | dead. */
  status: string;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  lease_until: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export type WebhookSubscriptionRow = Selectable<WebhookSubscriptionTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;
export type NewWebhookDeliveryRow = Insertable<WebhookDeliveryTable>;

/** The webhook tables, gathered into Database. */
export interface WebhookTables {
  webhook_subscriptions: WebhookSubscriptionTable;
  webhook_deliveries: WebhookDeliveryTable;
}
