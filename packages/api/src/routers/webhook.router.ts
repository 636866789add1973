import {
  deleteWebhookSubscription,
  disableWebhookSubscription,
  findAccountsByIds,
  findApiToken,
  findWebhookDelivery,
  findWebhookSubscription,
  insertWebhookSubscription,
  listWebhookDeliveries,
  listWebhookSubscriptions,
  redeliverWebhookDelivery,
} from '@steadfast/db';
import {
  createWebhookSubscriptionInputSchema,
  DomainError,
  idSchema,
  notFound,
  type WebhookSubscription,
  webhookDeliveryStatuses,
} from '@steadfast/domain';
import { z } from 'zod';
import type { ApiContext } from '../context.ts';
import { decodeKeysetCursor, keysetPage } from '../keyset-page.ts';
import { integrationRoutes } from '../openapi/integration-routes.ts';
import {
  createdWebhookSubscriptionOutput,
  deletedWebhookSubscriptionOutput,
  webhookDeliveryOutput,
  webhookDeliveryPageOutput,
  webhookSubscriptionOutput,
} from '../openapi/webhook.schemas.ts';
import { createRouter, publicProcedure } from '../trpc.ts';
import { newWebhookSecret } from '../webhooks/webhook-secret.ts';

/**
 * Whose subscriptions the caller works with: a token its own; an admin every token's (the access
 * check lets nobody else in). Null means every token's.
 */
function ownTokenId(ctx: ApiContext): string | null {
  return ctx.actorId === null && ctx.token ? ctx.token.id : null;
}

function subscriptionNotFound(id: string, field = 'id'): DomainError {
  return new DomainError({
    code: 'webhook_subscription_not_found',
    kind: 'not_found',
    field,
    message: `There is no webhook subscription ${id}.`,
  });
}

/** A subscription the caller may act on; another token's is answered as if it did not exist. */
async function ownSubscription(ctx: ApiContext, id: string): Promise<WebhookSubscription> {
  const subscription = await findWebhookSubscription(ctx.db, id);
  const owner = ownTokenId(ctx);
  if (subscription === undefined || (owner !== null && subscription.tokenId !== owner)) {
    throw subscriptionNotFound(id);
  }
  return subscription;
}

/** The token a new subscription belongs to: the calling token, or the live one an admin names. */
async function owningTokenId(ctx: ApiContext, named: string | undefined): Promise<string> {
  const own = ownTokenId(ctx);
  if (own !== null) {
    if (named !== undefined && named !== own) {
      throw new DomainError({
        code: 'webhook_owner_not_own',
        kind: 'invalid',
        field: 'tokenId',
        message: 'must be left out (or be your own token): a token subscribes for itself',
      });
    }
    return own;
  }
  if (named === undefined) {
    throw new DomainError({
      code: 'webhook_owner_required',
      kind: 'invalid',
      field: 'tokenId',
      message: 'is required: name the integration token that will own the subscription',
    });
  }
  const token = await findApiToken(ctx.db, named);
  if (token === undefined || token.revokedAt !== null) throw notFound('token', named, 'tokenId');
  return token.id;
}

const listDeliveriesInputSchema = z
  .object({
    status: z.enum(webhookDeliveryStatuses).optional(),
    subscriptionId: idSchema.optional(),
    limit: z.int().min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
  })
  .default({ limit: 50 });

export const webhookRouter = createRouter({
  /**
   * Subscribes an endpoint to event types (optionally only some accounts' events). The signing
   * secret is in the answer once and never again.
   */
  create: publicProcedure
    .meta(integrationRoutes['webhook.create'])
    .input(createWebhookSubscriptionInputSchema)
    .output(createdWebhookSubscriptionOutput)
    .mutation(async ({ ctx, input }) => {
      const tokenId = await owningTokenId(ctx, input.tokenId);
      if (input.accountIds !== null) {
        const found = new Set(
          (await findAccountsByIds(ctx.db, input.accountIds)).map((account) => account.id),
        );
        const missing = input.accountIds.findIndex((id) => !found.has(id));
        const missingId = input.accountIds[missing];
        if (missingId !== undefined) throw notFound('account', missingId, `accountIds.${missing}`);
      }
      const subscription: WebhookSubscription = {
        id: ctx.newId(),
        tokenId,
        url: input.url,
        eventTypes: input.eventTypes,
        accountIds: input.accountIds,
        description: input.description,
        createdAt: ctx.now(),
        disabledAt: null,
      };
      const secret = newWebhookSecret();
      await insertWebhookSubscription(ctx.db, { ...subscription, secret });
      return { subscription, secret };
    }),

  /** The caller's subscriptions (an admin's: every token's, or one token's); never a secret. */
  list: publicProcedure
    .meta(integrationRoutes['webhook.list'])
    .input(z.object({ tokenId: idSchema.optional() }).default({}))
    .output(z.array(webhookSubscriptionOutput))
    .query(({ ctx, input }) =>
      listWebhookSubscriptions(ctx.db, { tokenId: ownTokenId(ctx) ?? input.tokenId }),
    ),

  /** Stops sending to a subscription; its history stays. */
  disable: publicProcedure
    .meta(integrationRoutes['webhook.disable'])
    .input(z.object({ id: idSchema }))
    .output(webhookSubscriptionOutput)
    .mutation(async ({ ctx, input }) => {
      await ownSubscription(ctx, input.id);
      await disableWebhookSubscription(ctx.db, input.id, ctx.now());
      return ownSubscription(ctx, input.id);
    }),

  /** Deletes a subscription and its deliveries. */
  delete: publicProcedure
    .meta(integrationRoutes['webhook.delete'])
    .input(z.object({ id: idSchema }))
    .output(deletedWebhookSubscriptionOutput)
    .mutation(async ({ ctx, input }) => {
      await ownSubscription(ctx, input.id);
      await deleteWebhookSubscription(ctx.db, input.id);
      return { id: input.id, deleted: true as const };
    }),

  /**
   * Deliveries to the caller's subscriptions, newest first: pending (with the next attempt),
   * delivered, or dead letters (`status: 'dead'`) with the last error.
   */
  deliveries: publicProcedure
    .meta(integrationRoutes['webhook.deliveries'])
    .input(listDeliveriesInputSchema)
    .output(webhookDeliveryPageOutput)
    .query(async ({ ctx, input }) => {
      if (input.subscriptionId !== undefined) await ownSubscription(ctx, input.subscriptionId);
      const after = input.cursor === undefined ? undefined : decodeKeysetCursor(input.cursor);
      const rows = await listWebhookDeliveries(ctx.db, {
        tokenId: ownTokenId(ctx) ?? undefined,
        subscriptionId: input.subscriptionId,
        status: input.status,
        before: after && { createdAt: after.position, id: after.id },
        limit: input.limit + 1,
      });
      return keysetPage(rows, input.limit, (delivery) => delivery.createdAt);
    }),

  /** Sends a dead letter again, from now, under the same `webhook-id`. */
  redeliver: publicProcedure
    .meta(integrationRoutes['webhook.redeliver'])
    .input(z.object({ id: idSchema }))
    .output(webhookDeliveryOutput)
    .mutation(async ({ ctx, input }) => {
      const delivery = await findWebhookDelivery(ctx.db, input.id);
      const owner = ownTokenId(ctx);
      if (delivery === undefined || (owner !== null && delivery.tokenId !== owner)) {
        throw new DomainError({
          code: 'webhook_delivery_not_found',
          kind: 'not_found',
          field: 'id',
          message: `There is no webhook delivery ${input.id}.`,
        });
      }
      if (!(await redeliverWebhookDelivery(ctx.db, { id: input.id, now: ctx.now() }))) {
        throw new DomainError({
          code: 'webhook_delivery_not_dead',
          kind: 'illegal_transition',
          field: 'id',
          message: `Only a dead delivery can be redelivered; this one is ${delivery.status}.`,
        });
      }
      const { tokenId: _tokenId, ...redelivered } =
        (await findWebhookDelivery(ctx.db, input.id)) ?? delivery;
      return redelivered;
    }),
});
