import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IntegrationServer, startIntegrationServer } from './__tests__/integration-server.ts';

describe('REST for integrations: webhook subscriptions', () => {
  let server: IntegrationServer;

  beforeAll(async () => {
    server = await startIntegrationServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('subscribes an endpoint, shows the missed promise on its way to it, then disables and deletes it', async () => {
    const { rest, integration, accountId, promiseBody } = server;
    const created = await rest('post', '/v1/webhooks', {
      token: integration,
      body: {
        url: 'https://orders.example.com/steadfast',
        eventTypes: ['promise.missed'],
        accountIds: [accountId],
      },
    });
    expect(created.status).toBe(200);
    const { subscription, secret } = created.body as {
      subscription: { id: string; accountIds: string[] };
      secret: string;
    };
    expect(secret).toMatch(/^whsec_/);
    expect(subscription.accountIds).toEqual([accountId]);

    const made = await rest('post', '/v1/promises', { token: integration, body: promiseBody() });
    const promiseId = (made.body as { id: string }).id;
    const missed = await rest('post', '/v1/promises/{promiseId}/events', {
      token: integration,
      params: { promiseId },
      body: { expectedVersion: 1, event: { type: 'missed', reason: 'The carrier lost it' } },
    });
    expect(missed.status).toBe(200);

    const deliveries = await rest('get', '/v1/webhook-deliveries', {
      token: integration,
      query: { status: 'pending' },
    });
    expect(deliveries.status).toBe(200);
    expect(deliveries.body).toMatchObject({
      items: [
        {
          subscriptionId: subscription.id,
          type: 'promise.missed',
          status: 'pending',
          payload: { type: 'promise.missed', data: { promiseId, status: 'missed' } },
        },
      ],
      nextCursor: null,
    });

    const listed = await rest('get', '/v1/webhooks', { token: integration });
    expect(listed.body).toEqual([expect.objectContaining({ id: subscription.id })]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const disabled = await rest('post', '/v1/webhooks/{id}/disable', {
      token: integration,
      params: { id: subscription.id },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ id: subscription.id, disabledAt: expect.any(String) });

    const deleted = await rest('delete', '/v1/webhooks/{id}', {
      token: integration,
      params: { id: subscription.id },
    });
    expect(deleted.body).toEqual({ id: subscription.id, deleted: true });
    expect((await rest('get', '/v1/webhooks', { token: integration })).body).toEqual([]);
  });

  it('refuses a subscription without a usable URL (400 naming the field), one without the scope (403) and a redelivery of a letter that is not dead (404 for an unknown one)', async () => {
    const { rest, integration, accountsOnly } = server;
    const badUrl = await rest('post', '/v1/webhooks', {
      token: integration,
      body: { url: 'ftp://orders.example.com', eventTypes: ['promise.missed'] },
    });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body).toMatchObject({ fieldErrors: { url: [expect.any(String)] } });

    const noScope = await rest('get', '/v1/webhooks', { token: accountsOnly });
    expect(noScope.status).toBe(403);

    const unknown = await rest('post', '/v1/webhook-deliveries/{id}/redeliver', {
      token: integration,
      params: { id: '00000000-0000-7000-8000-999999999999' },
    });
    expect(unknown.status).toBe(404);
  });
});
