import {
  type ClaimedWebhookDelivery,
  claimDueWebhookDeliveries,
  type Database,
  markWebhookAttemptFailed,
  markWebhookDelivered,
} from '@steadfast/db';
import {
  afterFailedAttempt,
  defaultWebhookRetryPolicy,
  type Instant,
  type WebhookRetryPolicy,
} from '@steadfast/domain';
import type { Kysely } from 'kysely';
import { Webhook } from 'standardwebhooks';
import { describeSendFailure, type SendWebhook } from '../webhooks/webhook-sender.ts';

/** How delivery behaves; tests shorten the schedule and the timeout. */
export interface WebhookDeliverySettings {
  retry: WebhookRetryPolicy;
  /** How long a receiver has to answer one attempt. */
  timeoutMs: number;
}

export const defaultWebhookDeliverySettings: WebhookDeliverySettings = {
  retry: defaultWebhookRetryPolicy,
  timeoutMs: 10_000,
};

/** What became of one attempt. */
export interface WebhookAttemptResult {
  id: string;
  messageId: string;
  attempt: number;
  outcome: 'delivered' | 'retry' | 'dead';
  statusCode: number | null;
}

/**
 * The headers of one attempt, per the Standard Webhooks spec: `webhook-id` (the message id, the
 * same on every attempt), `webhook-timestamp` (this attempt, in seconds) and `webhook-signature`
 * (`v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` under the subscription's secret).
 */
export function signedHeaders(
  delivery: Pick<ClaimedWebhookDelivery, 'messageId' | 'body' | 'secret'>,
  at: Instant,
): Record<string, string> {
  const timestamp = new Date(at);
  return {
    'content-type': 'application/json',
    'user-agent': 'Steadfast-Webhooks/1',
    'webhook-id': delivery.messageId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': new Webhook(delivery.secret).sign(
      delivery.messageId,
      timestamp,
      delivery.body,
    ),
  };
}

async function attempt(
  delivery: ClaimedWebhookDelivery,
  options: { send: SendWebhook; now: () => Instant; timeoutMs: number },
): Promise<{ ok: true; status: number } | { ok: false; status: number | null; error: string }> {
  if (delivery.subscriptionDisabledAt !== null) {
    return {
      ok: false,
      status: null,
      error: 'the subscription was disabled (or its token revoked)',
    };
  }
  try {
    const { status } = await options.send({
      url: delivery.url,
      headers: signedHeaders(delivery, options.now()),
      body: delivery.body,
      timeoutMs: options.timeoutMs,
    });
    if (status >= 200 && status < 300) return { ok: true, status };
    return { ok: false, status, error: `the receiver answered HTTP ${status}` };
  } catch (error) {
    return { ok: false, status: null, error: describeSendFailure(error) };
  }
}

/**
 * One round of webhook delivery for one instance: claim the deliveries due now (each by exactly
 * one instance), POST each signed, and record the outcome. A 2xx is delivered; anything else, a
 * timeout or a refused connection is retried on the schedule, and after the last attempt the
 * delivery is dead. A disabled subscription's deliveries die at once.
 */
export async function deliverDueWebhooks(options: {
  db: Kysely<Database>;
  workerId: string;
  now: () => Instant;
  send: SendWebhook;
  /** A number in [0, 1) spreading retries (Math.random in production). */
  jitter: () => number;
  settings?: WebhookDeliverySettings;
  limit?: number;
}): Promise<WebhookAttemptResult[]> {
  const settings = options.settings ?? defaultWebhookDeliverySettings;
  const claimedAt = options.now();
  // The lease outlasts an attempt's timeout, so no other instance sends it meanwhile.
  const leaseUntil = new Date(Date.parse(claimedAt) + settings.timeoutMs + 60_000).toISOString();
  const claimed = await claimDueWebhookDeliveries(options.db, {
    workerId: options.workerId,
    now: claimedAt,
    leaseUntil,
    limit: options.limit ?? 20,
  });
  return Promise.all(
    claimed.map(async (delivery): Promise<WebhookAttemptResult> => {
      const result = await attempt(delivery, {
        send: options.send,
        now: options.now,
        timeoutMs: settings.timeoutMs,
      });
      const done = { id: delivery.id, messageId: delivery.messageId, attempt: delivery.attempts };
      if (result.ok) {
        await markWebhookDelivered(options.db, {
          id: delivery.id,
          workerId: options.workerId,
          now: options.now(),
          statusCode: result.status,
        });
        return { ...done, outcome: 'delivered', statusCode: result.status };
      }
      const next =
        delivery.subscriptionDisabledAt !== null
          ? ({ status: 'dead' } as const)
          : afterFailedAttempt({
              attempts: delivery.attempts,
              failedAt: options.now(),
              jitter: options.jitter(),
              policy: settings.retry,
            });
      await markWebhookAttemptFailed(options.db, {
        id: delivery.id,
        workerId: options.workerId,
        statusCode: result.status,
        error: result.error,
        next,
      });
      return {
        ...done,
        outcome: next.status === 'dead' ? 'dead' : 'retry',
        statusCode: result.status,
      };
    }),
  );
}
