import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IntegrationServer, startIntegrationServer } from './__tests__/integration-server.ts';

describe('REST for integrations: an order system posting many promises’ events at once', () => {
  let server: IntegrationServer;
  let rest: IntegrationServer['rest'];

  beforeAll(async () => {
    server = await startIntegrationServer();
    rest = server.rest;
  });
  afterAll(async () => {
    await server.close();
  });

  async function twoPromises(): Promise<[string, string]> {
    const ids: string[] = [];
    for (const _ of [1, 2]) {
      const made = await rest('post', '/v1/promises', {
        token: server.integration,
        body: server.promiseBody(),
      });
      expect(made.status).toBe(200);
      ids.push((made.body as { id: string }).id);
    }
    return [ids[0] ?? '', ids[1] ?? ''];
  }

  async function eventCount(): Promise<number> {
    const row = await server.db
      .selectFrom('promise_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('records a batch of fulfilments (full and partial) and progress in order, each promise read back as the batch left it', async () => {
    const [first, second] = await twoPromises();
    const batch = await rest('post', '/v1/promises/events/batch', {
      token: server.integration,
      body: {
        events: [
          {
            promiseId: first,
            expectedVersion: 1,
            event: { type: 'fulfilled', completeness: 'full' },
          },
          {
            promiseId: second,
            expectedVersion: 1,
            event: { type: 'progress', milestone: 'Packed' },
          },
          {
            promiseId: second,
            expectedVersion: 2,
            event: { type: 'fulfilled', completeness: 'partial', note: 'Half the pallets' },
          },
        ],
      },
    });
    expect(batch.status).toBe(200);
    expect(batch.body).toEqual({
      recorded: 3,
      results: [
        { index: 0, promiseId: first, status: 'fulfilled', version: 2 },
        { index: 1, promiseId: second, status: 'open', version: 2 },
        { index: 2, promiseId: second, status: 'open', version: 3 },
      ],
    });
    const read = await rest('get', '/v1/promises/{id}', {
      token: server.integration,
      params: { id: second },
    });
    expect(read.body).toMatchObject({
      promise: {
        status: 'open',
        version: 3,
        lastMilestone: { milestone: 'Packed' },
        partialDeliveries: [expect.any(String)],
      },
    });
    expect((read.body as { events: { type: string }[] }).events.map((e) => e.type)).toEqual([
      'made',
      'progress',
      'fulfilled',
    ]);
  });

  it('refuses the whole batch when one item is refused, naming the item and field: 400 for a bad field, 409 for a stale version, 404 for an unknown promise', async () => {
    const [first, second] = await twoPromises();
    const before = await eventCount();
    const good = {
      promiseId: first,
      expectedVersion: 1,
      event: { type: 'progress', milestone: 'Picked' },
    };

    const bad = await rest(
      'post',
      '/v1/promises/events/batch',
      {
        token: server.integration,
        body: {
          events: [good, { promiseId: second, expectedVersion: 1, event: { type: 'released' } }],
        },
      },
      true,
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { 'events.1.event.reason': [expect.any(String)] },
    });

    const stale = await rest('post', '/v1/promises/events/batch', {
      token: server.integration,
      body: {
        events: [good, { promiseId: second, expectedVersion: 4, event: { type: 'missed' } }],
      },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      errorCode: 'version_conflict',
      fieldErrors: { 'events.1.expectedVersion': [expect.any(String)] },
      details: { currentVersion: 1, index: 1 },
    });

    const unknown = await rest('post', '/v1/promises/events/batch', {
      token: server.integration,
      body: {
        events: [
          good,
          {
            promiseId: '00000000-0000-7000-8000-999999999999',
            expectedVersion: 1,
            event: { type: 'missed' },
          },
        ],
      },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      errorCode: 'promise_not_found',
      fieldErrors: { 'events.1.promiseId': [expect.any(String)] },
    });
    expect(await eventCount()).toBe(before);
  });

  it('is refused with 403 to a token without promises:write', async () => {
    const [first] = await twoPromises();
    const refused = await rest('post', '/v1/promises/events/batch', {
      token: server.accountsOnly,
      body: { events: [{ promiseId: first, expectedVersion: 1, event: { type: 'missed' } }] },
    });
    expect(refused.status).toBe(403);
  });
});
