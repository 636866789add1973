import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import { anAccount, aPromise, aTokenCaller } from '../__tests__/webhook-builders.ts';
import type { WebhookRequest } from '../webhooks/webhook-sender.ts';
import { deliverDueWebhooks, type WebhookDeliverySettings } from './webhook-delivery.ts';

const settings: WebhookDeliverySettings = {
  retry: { baseMs: 5_000, maxAttempts: 3 },
  timeoutMs: 1_000,
};

/** A receiver the test scripts: it records every request and answers as told. */
function aScriptedReceiver(answer: (request: WebhookRequest) => number | Error) {
  const received: WebhookRequest[] = [];
  return {
    received,
    send: async (request: WebhookRequest) => {
      received.push(request);
      const outcome = answer(request);
      if (outcome instanceof Error) throw outcome;
      return { status: outcome };
    },
  };
}

function refused(): Error {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
  });
}

describe('delivering webhooks', () => {
  let api: TestApi;
  let secret: string;
  let crm: Awaited<ReturnType<typeof aTokenCaller>>;
  let accountId: string;

  beforeEach(async () => {
    api = await createTestApi('2026-11-24T10:00:00.000Z');
    accountId = await anAccount(api);
    crm = await aTokenCaller(api);
    ({ secret } = await crm.caller.webhook.create({
      url: 'https://crm.example.com/in',
      eventTypes: ['promise.missed', 'promise.fulfilled'],
    }));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await api.close();
  });

  async function missAPromise(): Promise<string> {
    const promise = await aPromise(api, accountId);
    await api.caller.promise.recordEvent({
      promiseId: promise.id,
      expectedVersion: 1,
      event: { type: 'missed' },
    });
    return promise.id;
  }

  function deliverWith(send: (request: WebhookRequest) => Promise<{ status: number }>) {
    return deliverDueWebhooks({
      db: api.db,
      workerId: 'w1',
      now: () => api.clock.now,
      send,
      jitter: () => 0.5,
      settings,
    });
  }

  it('POSTs the JSON body with Standard Webhooks headers that verify with the secret', async () => {
    const promiseId = await missAPromise();
    const receiver = aScriptedReceiver(() => 204);
    const results = await deliverWith(receiver.send);
    expect(results.map((result) => result.outcome)).toEqual(['delivered']);
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    if (request === undefined) throw new Error('one request');
    expect(request.url).toBe('https://crm.example.com/in');
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': expect.stringMatching(/^msg_/),
      'webhook-timestamp': String(Date.parse('2026-11-24T10:00:00.000Z') / 1000),
      'webhook-signature': expect.stringMatching(/^v1,/),
    });
    expect(request.timeoutMs).toBe(1_000);
    // Verified as a receiver would, at the moment it was sent.
    const verifier = new Webhook(secret);
    vi.spyOn(Date, 'now').mockReturnValue(Date.parse(api.clock.now));
    expect(verifier.verify(request.body, request.headers)).toMatchObject({
      type: 'promise.missed',
      data: { promiseId, status: 'missed' },
    });
    expect(() =>
      new Webhook(`whsec_${Buffer.from('wrong').toString('base64')}`).verify(
        request.body,
        request.headers,
      ),
    ).toThrow();
    const [delivery] = (await crm.caller.webhook.deliveries({ status: 'delivered' })).items;
    expect(delivery).toMatchObject({
      attempts: 1,
      lastStatusCode: 204,
      deliveredAt: api.clock.now,
    });
    // Delivered is done: nothing is sent again.
    expect(await deliverWith(receiver.send)).toEqual([]);
  });

  it('retries a failed attempt on the schedule under the same webhook-id, then delivers', async () => {
    await missAPromise();
    let up = false;
    const receiver = aScriptedReceiver(() => (up ? 200 : 503));
    expect((await deliverWith(receiver.send)).map((r) => r.outcome)).toEqual(['retry']);
    const [pending] = (await crm.caller.webhook.deliveries({ status: 'pending' })).items;
    expect(pending).toMatchObject({
      attempts: 1,
      lastStatusCode: 503,
      lastError: 'the receiver answered HTTP 503',
      nextAttemptAt: '2026-11-24T10:00:05.000Z',
    });
    // Not before it is due.
    api.clock.now = '2026-11-24T10:00:04.000Z';
    expect(await deliverWith(receiver.send)).toEqual([]);
    api.clock.now = '2026-11-24T10:00:05.000Z';
    up = true;
    expect((await deliverWith(receiver.send)).map((r) => r.outcome)).toEqual(['delivered']);
    const ids = receiver.received.map((request) => request.headers['webhook-id']);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    // Each attempt is signed at its own time.
    expect(receiver.received[1]?.headers['webhook-timestamp']).not.toBe(
      receiver.received[0]?.headers['webhook-timestamp'],
    );
  });

  it('a refused connection is retried, and after the last attempt the delivery is a dead letter', async () => {
    await missAPromise();
    const receiver = aScriptedReceiver(() => refused());
    const outcomes: string[] = [];
    for (const at of ['10:00:00', '10:00:05', '10:00:35']) {
      api.clock.now = `2026-11-24T${at}.000Z`;
      outcomes.push(...(await deliverWith(receiver.send)).map((result) => result.outcome));
    }
    expect(outcomes).toEqual(['retry', 'retry', 'dead']);
    api.clock.now = '2026-11-25T10:00:00.000Z';
    expect(await deliverWith(receiver.send)).toEqual([]);
    expect(receiver.received).toHaveLength(3);
    const dead = (await crm.caller.webhook.deliveries({ status: 'dead' })).items;
    expect(dead).toEqual([
      expect.objectContaining({
        attempts: 3,
        lastStatusCode: null,
        lastError: expect.stringContaining('ECONNREFUSED'),
      }),
    ]);
  });

  it('a dead letter redelivered is sent again under its webhook-id', async () => {
    await missAPromise();
    const failing = aScriptedReceiver(() => 500);
    for (const at of ['10:00:00', '10:00:05', '10:00:35']) {
      api.clock.now = `2026-11-24T${at}.000Z`;
      await deliverWith(failing.send);
    }
    const [dead] = (await crm.caller.webhook.deliveries({ status: 'dead' })).items;
    if (dead === undefined) throw new Error('a dead letter');
    const pending = await crm.caller.webhook.redeliver({ id: dead.id });
    expect(pending).toMatchObject({ status: 'pending', attempts: 0, messageId: dead.messageId });
    const working = aScriptedReceiver(() => 200);
    expect((await deliverWith(working.send)).map((r) => r.outcome)).toEqual(['delivered']);
    expect(working.received[0]?.headers['webhook-id']).toBe(dead.messageId);
    const again = await crm.caller.webhook.redeliver({ id: dead.id }).then(
      () => 'accepted',
      (error: { code?: string }) => error.code,
    );
    expect(again).toBe('UNPROCESSABLE_CONTENT');
  });

  it('a disabled subscription is sent nothing more: what it had pending dies unsent', async () => {
    await missAPromise();
    const [subscription] = await crm.caller.webhook.list();
    if (subscription === undefined) throw new Error('one subscription');
    await crm.caller.webhook.disable({ id: subscription.id });
    const receiver = aScriptedReceiver(() => 200);
    expect((await deliverWith(receiver.send)).map((r) => r.outcome)).toEqual(['dead']);
    expect(receiver.received).toEqual([]);
  });

  it('two workers at once send each delivery once', async () => {
    for (let n = 0; n < 6; n += 1) await missAPromise();
    const receiver = aScriptedReceiver(() => 200);
    const rounds = await Promise.all(
      ['w1', 'w2'].map((workerId) =>
        deliverDueWebhooks({
          db: api.db,
          workerId,
          now: () => api.clock.now,
          send: receiver.send,
          jitter: () => 0.5,
          settings,
          limit: 4,
        }),
      ),
    );
    expect(rounds.flat()).toHaveLength(6);
    const ids = receiver.received.map((request) => request.headers['webhook-id']);
    expect(new Set(ids).size).toBe(6);
    expect(ids).toHaveLength(6);
  });
});
