import {
  type WebhookBreachData,
  type WebhookDelivery,
  type WebhookPayload,
  type WebhookPromiseData,
  type WebhookReviewDueData,
  type WebhookSubscription,
  webhookDeliveryStatuses,
  webhookEventTypes,
} from '@steadfast/domain';
import { z } from 'zod';
import { idOutput, instantOutput } from './wire-types.ts';

/** An endpoint subscribed to some event types (and optionally only some accounts' events). */
export const webhookSubscriptionOutput = z
  .object({
    id: idOutput,
    tokenId: idOutput.describe('The integration token that owns it.'),
    url: z.string(),
    eventTypes: z.array(z.enum(webhookEventTypes)),
    accountIds: z
      .array(idOutput)
      .nullable()
      .describe("Only these accounts' events; null: every account."),
    description: z.string().nullable(),
    createdAt: instantOutput,
    disabledAt: instantOutput.nullable().describe('Set once disabled: nothing more is sent.'),
  })
  .meta({ id: 'WebhookSubscription' }) satisfies z.ZodType<WebhookSubscription>;

/** A new subscription with its signing secret, which is shown this once and never again. */
export const createdWebhookSubscriptionOutput = z.object({
  subscription: webhookSubscriptionOutput,
  secret: z
    .string()
    .meta({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
    .describe('The Standard Webhooks signing secret (`whsec_…`): verify every delivery with it.'),
});

/** The promise an event is about, as a receiver needs it to act without calling back. */
const webhookPromiseDataOutput = z
  .object({
    promiseId: idOutput,
    accountId: idOutput,
    ownerId: idOutput,
    title: z.string(),
    kind: z.string(),
    importance: z.string(),
    status: z.string(),
    dueDeadline: instantOutput.describe('The deadline of the due in force when it happened.'),
    version: z.int().describe("The promise's version after the change."),
    reason: z.string().nullable().optional().describe('Why it is at risk (at_risk only).'),
  })
  .meta({ id: 'WebhookPromiseData' }) satisfies z.ZodType<WebhookPromiseData>;

/** The observation that missed its charter term, and by how much. */
const webhookBreachDataOutput = z
  .object({
    accountId: idOutput,
    termId: idOutput,
    term: z.string().meta({ example: 'first response time: 95% within 4 business hours' }),
    observationId: idOutput,
    reference: z.string().nullable(),
    occurredAt: instantOutput,
    measured: z.number(),
    limit: z.number(),
    over: z.number(),
    unit: z.string(),
    charterVersion: z.int(),
  })
  .meta({ id: 'WebhookBreachData' }) satisfies z.ZodType<WebhookBreachData>;

/** A charter whose review with the client is due. */
const webhookReviewDueDataOutput = z
  .object({
    accountId: idOutput,
    charterVersion: z.int(),
    lastReviewedAt: instantOutput.nullable(),
    nextReviewAt: instantOutput,
  })
  .meta({ id: 'WebhookReviewDueData' }) satisfies z.ZodType<WebhookReviewDueData>;

/** The JSON body a receiver is sent (Standard Webhooks: type, timestamp, data). */
const webhookPayloadOutput = z
  .object({
    type: z.enum(webhookEventTypes),
    timestamp: instantOutput,
    data: z.union([webhookPromiseDataOutput, webhookBreachDataOutput, webhookReviewDueDataOutput]),
  })
  .meta({ id: 'WebhookPayload' }) satisfies z.ZodType<WebhookPayload>;

/** One event on its way to one subscription: pending, delivered, or dead after its last try. */
export const webhookDeliveryOutput = z
  .object({
    id: idOutput,
    messageId: z
      .string()
      .meta({ example: 'msg_0192f7a81c2b7d3e8f405a6b7c8d9e0f' })
      .describe('Sent as `webhook-id` on every attempt: the receiver de-duplicates with it.'),
    subscriptionId: idOutput,
    type: z.enum(webhookEventTypes),
    accountId: idOutput,
    payload: webhookPayloadOutput,
    status: z.enum(webhookDeliveryStatuses),
    attempts: z.int().min(0),
    nextAttemptAt: instantOutput,
    lastAttemptAt: instantOutput.nullable(),
    lastStatusCode: z
      .int()
      .nullable()
      .describe('The HTTP status of the last attempt; null when it got no answer.'),
    lastError: z.string().nullable(),
    createdAt: instantOutput,
    deliveredAt: instantOutput.nullable(),
  })
  .meta({ id: 'WebhookDelivery' }) satisfies z.ZodType<WebhookDelivery>;

/** One page of deliveries, newest first; pass `nextCursor` as `cursor` for the next. */
export const webhookDeliveryPageOutput = z.object({
  items: z.array(webhookDeliveryOutput),
  nextCursor: z.string().nullable(),
});

/** What deleting a subscription answers. */
export const deletedWebhookSubscriptionOutput = z.object({
  id: idOutput,
  deleted: z.literal(true),
});
