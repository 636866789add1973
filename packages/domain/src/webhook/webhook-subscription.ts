import { z } from 'zod';
import { type Instant, idSchema } from '../shared/instant.ts';
import type { WebhookEvent, WebhookEventType } from './webhook-event.ts';
import { webhookEventTypes } from './webhook-event.ts';

/**
 * Subscribing an endpoint: where to POST (http or https), which event types (at least one), and
 * optionally only events of some accounts. `tokenId` lets an admin subscribe on behalf of a
 * token; a token always subscribes for itself.
 */
export const createWebhookSubscriptionInputSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .max(2000, 'must be at most 2000 characters'),
  eventTypes: z
    .array(z.enum(webhookEventTypes))
    .min(1, 'must name at least one event type')
    .transform((types) => [...new Set(types)].sort()),
  accountIds: z
    .array(idSchema)
    .min(1, 'must name at least one account (leave it out for every account)')
    .max(1000, 'must name at most 1000 accounts')
    .transform((ids) => [...new Set(ids)].sort())
    .nullable()
    .default(null),
  description: z
    .string()
    .trim()
    .max(200, 'must be at most 200 characters')
    .nullable()
    .default(null),
  tokenId: idSchema.optional(),
});
export type CreateWebhookSubscriptionInput = z.input<typeof createWebhookSubscriptionInputSchema>;
export type CreateWebhookSubscriptionCommand = z.output<
  typeof createWebhookSubscriptionInputSchema
>;

/** An endpoint an integration token subscribed; never its signing secret, shown once. */
export interface WebhookSubscription {
  id: string;
  /** The integration token that owns it. */
  tokenId: string;
  url: string;
  eventTypes: WebhookEventType[];
  /** Only events of these accounts; null: every account. */
  accountIds: string[] | null;
  description: string | null;
  createdAt: Instant;
  /** Set once it is disabled: nothing more is delivered to it. */
  disabledAt: Instant | null;
}

/** Whether a subscription is to be sent an event: active, of a type it names, of its accounts. */
export function subscriptionWants(
  subscription: Pick<WebhookSubscription, 'eventTypes' | 'accountIds' | 'disabledAt'>,
  event: Pick<WebhookEvent, 'type' | 'accountId'>,
): boolean {
  if (subscription.disabledAt !== null) return false;
  if (!subscription.eventTypes.includes(event.type)) return false;
  return subscription.accountIds === null || subscription.accountIds.includes(event.accountId);
}
