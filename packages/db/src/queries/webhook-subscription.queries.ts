import type { WebhookSubscription } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';
import { inTransaction } from '../transaction.ts';
import { rowToSubscription, subscriptionToRow } from './webhook.mapping.ts';

/** Stores a new subscription with its signing secret. */
export async function insertWebhookSubscription(
  db: Db,
  subscription: WebhookSubscription & { secret: string },
): Promise<void> {
  await db.insertInto('webhook_subscriptions').values(subscriptionToRow(subscription)).execute();
}

export async function findWebhookSubscription(
  db: Db,
  id: string,
): Promise<WebhookSubscription | undefined> {
  const row = await db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && rowToSubscription(row);
}

/** One token's subscriptions (every token's when none is named), oldest first; no secrets. */
export async function listWebhookSubscriptions(
  db: Db,
  filter: { tokenId?: string | undefined } = {},
): Promise<WebhookSubscription[]> {
  let query = db.selectFrom('webhook_subscriptions').selectAll();
  if (filter.tokenId !== undefined) query = query.where('token_id', '=', filter.tokenId);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  return rows.map(rowToSubscription);
}

/**
 * The subscriptions still receiving events, what a new event is matched against: not disabled,
 * and owned by a token that was not revoked (a revoked integration is told nothing more).
 */
export async function listActiveWebhookSubscriptions(db: Db): Promise<WebhookSubscription[]> {
  const rows = await db
    .selectFrom('webhook_subscriptions')
    .innerJoin('api_tokens', 'api_tokens.id', 'webhook_subscriptions.token_id')
    .selectAll('webhook_subscriptions')
    .where('webhook_subscriptions.disabled_at', 'is', null)
    .where('api_tokens.revoked_at', 'is', null)
    .orderBy('webhook_subscriptions.created_at')
    .orderBy('webhook_subscriptions.id')
    .execute();
  return rows.map(rowToSubscription);
}

/**
 * Disables a subscription from now on: nothing more is written for it, and what it still had
 * pending is not sent. False when there is no such subscription; disabling twice keeps the first time.
 */
export async function disableWebhookSubscription(
  db: Db,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_subscriptions')
    .set((eb) => ({ disabled_at: eb.fn.coalesce('disabled_at', eb.val(now)) }))
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a subscription and every delivery it had, in one transaction; false when unknown. */
export async function deleteWebhookSubscription(db: Db, id: string): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    await trx.deleteFrom('webhook_deliveries').where('subscription_id', '=', id).execute();
    const result = await trx
      .deleteFrom('webhook_subscriptions')
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  });
}
