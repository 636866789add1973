import type {
  Instant,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookPayload,
} from '@steadfast/domain';
import { type Kysely, PostgresAdapter } from 'kysely';
import type { Database, Db } from '../schema/database.ts';
import { rowToDelivery } from './webhook.mapping.ts';

/** An event for one subscription, ready for the outbox. */
export interface NewWebhookDelivery {
  id: string;
  messageId: string;
  subscriptionId: string;
  accountId: string;
  payload: WebhookPayload;
  createdAt: Instant;
}

/**
 * Writes events to the outbox, due at once. An event already written for a subscription (the
 * same message id) is left as it is, so re-emitting an event never sends it twice. Returns how
 * many rows were new.
 */
export async function insertWebhookDeliveries(
  db: Db,
  deliveries: readonly NewWebhookDelivery[],
): Promise<number> {
  if (deliveries.length === 0) return 0;
  const result = await db
    .insertInto('webhook_deliveries')
    .values(
      deliveries.map((delivery) => ({
        id: delivery.id,
        message_id: delivery.messageId,
        subscription_id: delivery.subscriptionId,
        event_type: delivery.payload.type,
        account_id: delivery.accountId,
        payload: JSON.stringify(delivery.payload),
        status: 'pending',
        attempts: 0,
        next_attempt_at: delivery.createdAt,
        claimed_by: null,
        lease_until: null,
        last_attempt_at: null,
        last_status_code: null,
        last_error: null,
        created_at: delivery.createdAt,
        delivered_at: null,
      })),
    )
    .onConflict((oc) => oc.columns(['message_id', 'subscription_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

/** A delivery claimed for one attempt, with where to send it and the secret to sign it with. */
export interface ClaimedWebhookDelivery {
  id: string;
  messageId: string;
  /** The JSON body exactly as stored: sent and signed byte for byte the same on every attempt. */
  body: string;
  /** Attempts made, this one included. */
  attempts: number;
  subscriptionId: string;
  url: string;
  secret: string;
  /** When the subscription was disabled (or its token revoked): nothing is sent to it then. */
  subscriptionDisabledAt: Instant | null;
}

/**
 * Claims up to `limit` deliveries due at `now` for one worker, counting the attempt: each is
 * claimed by exactly one instance until `leaseUntil` (PostgreSQL skips rows another instance is
 * claiming with `FOR UPDATE SKIP LOCKED`; SQLite has one writer at a time). A claim whose lease
 * ran out (its instance died mid-attempt) is claimable again.
 */
export async function claimDueWebhookDeliveries(
  db: Kysely<Database>,
  claim: { workerId: string; now: Instant; leaseUntil: Instant; limit: number },
): Promise<ClaimedWebhookDelivery[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  let claimable = db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', claim.now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', claim.now)]))
    .orderBy('next_attempt_at')
    .limit(claim.limit);
  if (postgres) claimable = claimable.forUpdate().skipLocked();
  const claimed = await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      claimed_by: claim.workerId,
      lease_until: claim.leaseUntil,
      last_attempt_at: claim.now,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', claimable)
    .returning('id')
    .execute();
  if (claimed.length === 0) return [];
  const rows = await db
    .selectFrom('webhook_deliveries')
    .innerJoin(
      'webhook_subscriptions',
      'webhook_subscriptions.id',
      'webhook_deliveries.subscription_id',
    )
    .innerJoin('api_tokens', 'api_tokens.id', 'webhook_subscriptions.token_id')
    .select([
      'webhook_deliveries.id as id',
      'webhook_deliveries.message_id as messageId',
      'webhook_deliveries.payload as body',
      'webhook_deliveries.attempts as attempts',
      'webhook_deliveries.subscription_id as subscriptionId',
      'webhook_subscriptions.url as url',
      'webhook_subscriptions.secret as secret',
      // A subscription whose token was revoked is as good as disabled.
      (eb) =>
        eb.fn
          .coalesce('webhook_subscriptions.disabled_at', 'api_tokens.revoked_at')
          .as('subscriptionDisabledAt'),
    ])
    .where(
      'webhook_deliveries.id',
      'in',
      claimed.map((row) => row.id),
    )
    .where('webhook_deliveries.claimed_by', '=', claim.workerId)
    .orderBy('webhook_deliveries.next_attempt_at')
    .execute();
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
}

/** The receiver took it (2xx): delivered, if this worker still holds the claim. */
export async function markWebhookDelivered(
  db: Db,
  delivery: { id: string; workerId: string; now: Instant; statusCode: number },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: 'delivered',
      delivered_at: delivery.now,
      last_status_code: delivery.statusCode,
      last_error: null,
      claimed_by: null,
      lease_until: null,
    })
    .where('id', '=', delivery.id)
    .where('claimed_by', '=', delivery.workerId)
    .execute();
}

/**
 * An attempt failed (another status, a timeout, a refused connection): retried at
 * `nextAttemptAt`, or dead when the schedule says there is no next attempt.
 */
export async function markWebhookAttemptFailed(
  db: Db,
  attempt: {
    id: string;
    workerId: string;
    statusCode: number | null;
    error: string;
    next: { status: 'pending'; nextAttemptAt: Instant } | { status: 'dead' };
  },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: attempt.next.status,
      ...(attempt.next.status === 'pending' ? { next_attempt_at: attempt.next.nextAttemptAt } : {}),
      last_status_code: attempt.statusCode,
      last_error: attempt.error.slice(0, 2000),
      claimed_by: null,
      lease_until: null,
    })
    .where('id', '=', attempt.id)
    .where('claimed_by', '=', attempt.workerId)
    .execute();
}

export interface WebhookDeliveryFilter {
  /** Only deliveries to this token's subscriptions. */
  tokenId?: string | undefined;
  subscriptionId?: string | undefined;
  status?: WebhookDeliveryStatus | undefined;
  /** Only those created before this (createdAt, id): the next page, newest first. */
  before?: { createdAt: Instant; id: string } | undefined;
  limit: number;
}

/** Deliveries, newest first, with the token that owns each one's subscription. */
export async function listWebhookDeliveries(
  db: Db,
  filter: WebhookDeliveryFilter,
): Promise<WebhookDelivery[]> {
  let query = db
    .selectFrom('webhook_deliveries')
    .innerJoin(
      'webhook_subscriptions',
      'webhook_subscriptions.id',
      'webhook_deliveries.subscription_id',
    )
    .selectAll('webhook_deliveries');
  if (filter.tokenId !== undefined)
    query = query.where('webhook_subscriptions.token_id', '=', filter.tokenId);
  if (filter.subscriptionId !== undefined)
    query = query.where('webhook_deliveries.subscription_id', '=', filter.subscriptionId);
  if (filter.status !== undefined)
    query = query.where('webhook_deliveries.status', '=', filter.status);
  const before = filter.before;
  if (before !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('webhook_deliveries.created_at', '<', before.createdAt),
        eb.and([
          eb('webhook_deliveries.created_at', '=', before.createdAt),
          eb('webhook_deliveries.id', '<', before.id),
        ]),
      ]),
    );
  }
  const rows = await query
    .orderBy('webhook_deliveries.created_at', 'desc')
    .orderBy('webhook_deliveries.id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(rowToDelivery);
}

/** One delivery and the token owning its subscription. */
export async function findWebhookDelivery(
  db: Db,
  id: string,
): Promise<(WebhookDelivery & { tokenId: string }) | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .innerJoin(
      'webhook_subscriptions',
      'webhook_subscriptions.id',
      'webhook_deliveries.subscription_id',
    )
    .selectAll('webhook_deliveries')
    .select('webhook_subscriptions.token_id as token_id')
    .where('webhook_deliveries.id', '=', id)
    .executeTakeFirst();
  return row && { ...rowToDelivery(row), tokenId: row.token_id };
}

/**
 * Sends a dead letter again: pending from `now` with a fresh run of attempts, under the same
 * message id (a receiver that did get it after all can tell). False unless it was dead.
 */
export async function redeliverWebhookDelivery(
  db: Db,
  delivery: { id: string; now: Instant },
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: delivery.now, lease_until: null })
    .where('id', '=', delivery.id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Forgets deliveries delivered before `before`; pending ones and dead letters stay. */
export async function purgeDeliveredWebhooks(db: Db, before: Instant): Promise<number> {
  const result = await db
    .deleteFrom('webhook_deliveries')
    .where('status', '=', 'delivered')
    .where('delivered_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
