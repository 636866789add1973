import type { WebhookSubscription } from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { seedOwnerAndAccount, testId } from '../__tests__/test-database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { insertApiToken, revokeApiToken } from './api-token.queries.ts';
import {
  claimDueWebhookDeliveries,
  findWebhookDelivery,
  insertWebhookDeliveries,
  listWebhookDeliveries,
  markWebhookAttemptFailed,
  markWebhookDelivered,
  type NewWebhookDelivery,
  purgeDeliveredWebhooks,
  redeliverWebhookDelivery,
} from './webhook-delivery.queries.ts';
import {
  deleteWebhookSubscription,
  disableWebhookSubscription,
  insertWebhookSubscription,
  listActiveWebhookSubscriptions,
  listWebhookSubscriptions,
} from './webhook-subscription.queries.ts';

const now = '2026-11-24T10:00:00.000Z';
const later = '2026-11-24T10:05:00.000Z';

describe.each(databaseKinds)('webhook subscriptions and the outbox on %s', (kind) => {
  let database: TestDatabase;
  let tokenId: string;
  let subscription: WebhookSubscription;
  let accountId: string;

  async function aToken(): Promise<string> {
    const id = testId();
    await insertApiToken(database.db, {
      id,
      name: `CRM ${id}`,
      scopes: ['webhooks:manage'],
      createdBy: null,
      createdAt: now,
      lastUsedAt: null,
      revokedAt: null,
      secretHash: 'hash',
    });
    return id;
  }

  async function aSubscription(owner: string): Promise<WebhookSubscription> {
    const created: WebhookSubscription = {
      id: testId(),
      tokenId: owner,
      url: 'https://hooks.example.com/in',
      eventTypes: ['promise.missed'],
      accountIds: null,
      description: null,
      createdAt: now,
      disabledAt: null,
    };
    await insertWebhookSubscription(database.db, { ...created, secret: 'whsec_c2VjcmV0' });
    return created;
  }

  function aDelivery(messageId: string, subscriptionId = subscription.id): NewWebhookDelivery {
    return {
      id: testId(),
      messageId,
      subscriptionId,
      accountId,
      payload: {
        type: 'promise.missed',
        timestamp: now,
        data: {
          promiseId: testId(),
          accountId,
          ownerId: testId(),
          title: 'Quote',
          kind: 'quote',
          importance: 'normal',
          status: 'missed',
          dueDeadline: now,
          version: 2,
        },
      },
      createdAt: now,
    };
  }

  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
    ({
      account: { id: accountId },
    } = await seedOwnerAndAccount(database.db));
    tokenId = await aToken();
    subscription = await aSubscription(tokenId);
  });
  afterEach(async () => {
    await database.close();
  });

  it('lists a token its own subscriptions, and leaves disabled ones out of matching', async () => {
    const otherToken = await aToken();
    const other = await aSubscription(otherToken);
    expect((await listWebhookSubscriptions(database.db, { tokenId })).map((s) => s.id)).toEqual([
      subscription.id,
    ]);
    expect(await listWebhookSubscriptions(database.db)).toHaveLength(2);
    expect(await disableWebhookSubscription(database.db, other.id, later)).toBe(true);
    expect((await listActiveWebhookSubscriptions(database.db)).map((s) => s.id)).toEqual([
      subscription.id,
    ]);
    expect(await disableWebhookSubscription(database.db, testId(), later)).toBe(false);
  });

  it('leaves the subscriptions of a revoked token out of matching, and shows them disabled to a claimer', async () => {
    await insertWebhookDeliveries(database.db, [aDelivery('msg_revoked')]);
    await revokeApiToken(database.db, tokenId, later);
    expect(await listActiveWebhookSubscriptions(database.db)).toEqual([]);
    const [claimed] = await claimDueWebhookDeliveries(database.db, {
      workerId: 'w1',
      now,
      leaseUntil: later,
      limit: 5,
    });
    expect(claimed?.subscriptionDisabledAt).toBe(later);
  });

  it('writes one event to one subscription once, however often it is emitted', async () => {
    expect(await insertWebhookDeliveries(database.db, [aDelivery('msg_once')])).toBe(1);
    expect(await insertWebhookDeliveries(database.db, [aDelivery('msg_once')])).toBe(0);
    const rows = await listWebhookDeliveries(database.db, { limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      messageId: 'msg_once',
      type: 'promise.missed',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
    });
  });

  it('gives each due delivery to exactly one of several concurrent claimers', async () => {
    const deliveries = Array.from({ length: 24 }, (_, n) => aDelivery(`msg_${n}`));
    await insertWebhookDeliveries(database.db, deliveries);
    const claims = await Promise.all(
      ['w1', 'w2', 'w3'].map(async (workerId) => {
        const claimed: string[] = [];
        for (let batch = 0; batch < 10; batch += 1) {
          const rows = await claimDueWebhookDeliveries(database.db, {
            workerId,
            now,
            leaseUntil: later,
            limit: 3,
          });
          claimed.push(...rows.map((row) => row.messageId));
        }
        return claimed;
      }),
    );
    const all = claims.flat();
    expect(all).toHaveLength(24);
    expect(new Set(all).size).toBe(24);
  });

  it('hands the claimer the exact body, the URL, the secret and the attempt number', async () => {
    await insertWebhookDeliveries(database.db, [aDelivery('msg_body')]);
    const [claimed] = await claimDueWebhookDeliveries(database.db, {
      workerId: 'w1',
      now,
      leaseUntil: later,
      limit: 5,
    });
    expect(claimed).toMatchObject({
      messageId: 'msg_body',
      url: 'https://hooks.example.com/in',
      secret: 'whsec_c2VjcmV0',
      attempts: 1,
      subscriptionDisabledAt: null,
    });
    expect(JSON.parse(claimed?.body ?? '')).toMatchObject({ type: 'promise.missed' });
  });

  it('retries a failed attempt when due, not before, and a dead one never again', async () => {
    await insertWebhookDeliveries(database.db, [aDelivery('msg_retry')]);
    const claim = (workerId: string, at: string) =>
      claimDueWebhookDeliveries(database.db, { workerId, now: at, leaseUntil: later, limit: 5 });
    const [first] = await claim('w1', now);
    if (first === undefined) throw new Error('claimed');
    // Claimed and in flight: nobody else gets it while the lease holds.
    expect(await claim('w2', now)).toEqual([]);
    await markWebhookAttemptFailed(database.db, {
      id: first.id,
      workerId: 'w1',
      statusCode: 503,
      error: 'HTTP 503',
      next: { status: 'pending', nextAttemptAt: '2026-11-24T10:00:05.000Z' },
    });
    expect(await claim('w2', '2026-11-24T10:00:04.000Z')).toEqual([]);
    const [second] = await claim('w2', '2026-11-24T10:00:05.000Z');
    expect(second?.attempts).toBe(2);
    if (second === undefined) throw new Error('claimed again');
    await markWebhookAttemptFailed(database.db, {
      id: second.id,
      workerId: 'w2',
      statusCode: null,
      error: 'connect ECONNREFUSED',
      next: { status: 'dead' },
    });
    expect(await claim('w3', '2026-11-25T10:00:00.000Z')).toEqual([]);
    const dead = await listWebhookDeliveries(database.db, { status: 'dead', limit: 10 });
    expect(dead).toEqual([
      expect.objectContaining({
        messageId: 'msg_retry',
        attempts: 2,
        lastStatusCode: null,
        lastError: 'connect ECONNREFUSED',
      }),
    ]);
  });

  it('makes a claim whose lease ran out claimable again (its instance died mid-attempt)', async () => {
    await insertWebhookDeliveries(database.db, [aDelivery('msg_lease')]);
    await claimDueWebhookDeliveries(database.db, {
      workerId: 'died',
      now,
      leaseUntil: '2026-11-24T10:01:00.000Z',
      limit: 5,
    });
    const [again] = await claimDueWebhookDeliveries(database.db, {
      workerId: 'w2',
      now: '2026-11-24T10:01:01.000Z',
      leaseUntil: later,
      limit: 5,
    });
    expect(again).toMatchObject({ messageId: 'msg_lease', attempts: 2 });
  });

  it('marks a delivery delivered only for the worker holding it', async () => {
    await insertWebhookDeliveries(database.db, [aDelivery('msg_done')]);
    const [claimed] = await claimDueWebhookDeliveries(database.db, {
      workerId: 'w1',
      now,
      leaseUntil: later,
      limit: 5,
    });
    if (claimed === undefined) throw new Error('claimed');
    await markWebhookDelivered(database.db, {
      id: claimed.id,
      workerId: 'w2',
      now,
      statusCode: 200,
    });
    expect((await findWebhookDelivery(database.db, claimed.id))?.status).toBe('pending');
    await markWebhookDelivered(database.db, {
      id: claimed.id,
      workerId: 'w1',
      now,
      statusCode: 204,
    });
    expect(await findWebhookDelivery(database.db, claimed.id)).toMatchObject({
      status: 'delivered',
      deliveredAt: now,
      lastStatusCode: 204,
      tokenId,
    });
  });

  it('redelivers a dead letter under the same message id, and nothing that is not dead', async () => {
    const delivery = aDelivery('msg_dead');
    await insertWebhookDeliveries(database.db, [delivery]);
    expect(await redeliverWebhookDelivery(database.db, { id: delivery.id, now: later })).toBe(
      false,
    );
    await claimDueWebhookDeliveries(database.db, {
      workerId: 'w1',
      now,
      leaseUntil: later,
      limit: 5,
    });
    await markWebhookAttemptFailed(database.db, {
      id: delivery.id,
      workerId: 'w1',
      statusCode: 410,
      error: 'HTTP 410',
      next: { status: 'dead' },
    });
    expect(await redeliverWebhookDelivery(database.db, { id: delivery.id, now: later })).toBe(true);
    expect(await findWebhookDelivery(database.db, delivery.id)).toMatchObject({
      messageId: 'msg_dead',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: later,
    });
  });

  it('filters deliveries by token and status and pages newest first', async () => {
    const otherToken = await aToken();
    const other = await aSubscription(otherToken);
    await insertWebhookDeliveries(database.db, [
      aDelivery('msg_a'),
      aDelivery('msg_b'),
      aDelivery('msg_c'),
      aDelivery('msg_other', other.id),
    ]);
    const own = await listWebhookDeliveries(database.db, { tokenId, limit: 2 });
    expect(own.map((row) => row.messageId)).toEqual(['msg_c', 'msg_b']);
    const last = own.at(-1);
    if (last === undefined) throw new Error('a page');
    const next = await listWebhookDeliveries(database.db, {
      tokenId,
      limit: 2,
      before: { createdAt: last.createdAt, id: last.id },
    });
    expect(next.map((row) => row.messageId)).toEqual(['msg_a']);
    expect(await listWebhookDeliveries(database.db, { tokenId, status: 'dead', limit: 5 })).toEqual(
      [],
    );
  });

  it('forgets delivered deliveries once old, keeping pending ones and dead letters', async () => {
    await insertWebhookDeliveries(database.db, [
      aDelivery('msg_taken'),
      aDelivery('msg_dead'),
      aDelivery('msg_waiting'),
    ]);
    const claimed = await claimDueWebhookDeliveries(database.db, {
      workerId: 'w1',
      now,
      leaseUntil: later,
      limit: 2,
    });
    const [taken, dead] = claimed;
    if (taken === undefined || dead === undefined) throw new Error('two claimed');
    await markWebhookDelivered(database.db, { id: taken.id, workerId: 'w1', now, statusCode: 200 });
    await markWebhookAttemptFailed(database.db, {
      id: dead.id,
      workerId: 'w1',
      statusCode: 500,
      error: 'HTTP 500',
      next: { status: 'dead' },
    });
    expect(await purgeDeliveredWebhooks(database.db, now)).toBe(0);
    expect(await purgeDeliveredWebhooks(database.db, later)).toBe(1);
    const left = await listWebhookDeliveries(database.db, { limit: 10 });
    expect(left.map((row) => row.status).sort()).toEqual(['dead', 'pending']);
  });

  it('deletes a subscription with its deliveries', async () => {
    await insertWebhookDeliveries(database.db, [aDelivery('msg_gone')]);
    expect(await deleteWebhookSubscription(database.db, subscription.id)).toBe(true);
    expect(await listWebhookDeliveries(database.db, { limit: 5 })).toEqual([]);
    expect(await deleteWebhookSubscription(database.db, subscription.id)).toBe(false);
  });
});
