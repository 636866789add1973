import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppRouter, hashPassword } from '@steadfast/api';
import { insertUser, setUserPasswordHash } from '@steadfast/db';
import { createTestDatabase, type TestDatabase } from '@steadfast/db/testing';
import type { WebhookEventType } from '@steadfast/domain';
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loginCookie } from './__tests__/login.ts';
import { type ServerProcess, startServerProcess } from './__tests__/server-process.ts';

const adminId = '00000000-0000-7000-8000-0000000000a1';
const managerId = '00000000-0000-7000-8000-0000000000a2';
const adminPassword = 'webhooks over real HTTP';

const everyType: WebhookEventType[] = [
  'promise.at_risk',
  'promise.missed',
  'promise.fulfilled',
  'charter.breached',
  'charter.review_due',
];

/** One request as a receiver got it. */
interface Received {
  headers: Record<string, string>;
  body: string;
  status: number;
}

/**
 * A webhook receiver on loopback, on a port fixed up front so a subscription can name it while it
 * is still down (nothing listening: connections are refused). Once up, it answers each message's
 * first request 503 (a retry must follow, under the same id) and later ones 200.
 */
class LoopbackReceiver {
  readonly received: Received[] = [];
  private server: Server | null = null;
  constructor(readonly port: number) {}

  static async onFreePort(): Promise<LoopbackReceiver> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return new LoopbackReceiver(port);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/steadfast`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const headers = flatHeaders(request.headers);
        const seenBefore = this.received.some(
          (earlier) => earlier.headers['webhook-id'] === headers['webhook-id'],
        );
        const status = seenBefore ? 200 : 503;
        this.received.push({ headers, body: Buffer.concat(chunks).toString('utf8'), status });
        response.writeHead(status).end();
      });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === null) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The messages it answered 200, by type: what it received as far as it can tell. */
  accepted(): Received[] {
    return this.received.filter((request) => request.status === 200);
  }
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') flat[name] = value;
  }
  return flat;
}

async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  ms = 45_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last !== undefined) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

function typeOf(request: Received): string {
  return (JSON.parse(request.body) as { type: string }).type;
}

describe('webhooks over real HTTP to a loopback receiver', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let admin: TRPCClient<AppRouter>;
  const receivers: LoopbackReceiver[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres', { postgresUrl: inject('postgresUrl') });
    const createdAt = new Date().toISOString();
    await insertUser(database.db, {
      id: adminId,
      name: 'Sam Admin',
      email: 'sam@example.com',
      role: 'admin',
      createdAt,
    });
    await insertUser(database.db, {
      id: managerId,
      name: 'Ada Manager',
      email: 'ada@example.com',
      role: 'account_manager',
      createdAt,
    });
    await setUserPasswordHash(database.db, adminId, await hashPassword(adminPassword));
    const url = database.url;
    if (url === undefined) throw new Error('a PostgreSQL test database has a url');
    server = await startServerProcess({
      DATABASE_URL: url,
      DEMO_DATA: 'false',
      WORKER_INTERVAL_MS: '100',
      // Retries after 0.2 s, 1.2 s, 4.8 s and 24 s; the fifth failure is the last. The receiver
      // comes up within the first seconds, so every event still has two attempts left.
      WEBHOOK_RETRY_BASE_MS: '200',
      WEBHOOK_MAX_ATTEMPTS: '5',
      WEBHOOK_TIMEOUT_MS: '2000',
    });
    const cookie = await loginCookie(server.url, 'sam@example.com', adminPassword);
    admin = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${server.url}/trpc`, headers: { cookie } })],
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.stop()));
    await server?.stop();
    await database?.close();
  });

  /** A token made by the admin, and a tRPC client presenting it as a Bearer token. */
  async function integration(name: string) {
    const { secret } = await admin.token.create.mutate({
      name,
      scopes: ['webhooks:manage', 'promises:write', 'observations:write'],
    });
    return createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${server.url}/trpc`,
          headers: { authorization: `Bearer ${secret}` },
        }),
      ],
    });
  }

  it('a receiver that is down, then up, receives every event once per id, each signature valid; one never up ends in dead letters', async () => {
    const crm = await integration('CRM');
    const archive = await integration('Archive');
    const flaky = await LoopbackReceiver.onFreePort();
    const neverUp = await LoopbackReceiver.onFreePort();
    receivers.push(flaky, neverUp);
    const flakySubscription = await crm.webhook.create.mutate({
      url: flaky.url,
      eventTypes: everyType,
    });
    const deadSubscription = await archive.webhook.create.mutate({
      url: neverUp.url,
      eventTypes: everyType,
    });

    // Each event type, caused over HTTP by the integration (the charter is set up by the admin).
    const account = await admin.account.create.mutate({
      name: 'Northwind',
      ownerId: managerId,
      stage: 'active',
    });
    const charter = await admin.charter.save.mutate({
      accountId: account.id,
      expectedVersion: 0,
      terms: [
        {
          metric: 'first_response_time',
          target: { amount: 4, unit: 'business_hours' },
          threshold: 0.95,
        },
      ],
      reviewEveryMonths: 1,
    });
    // A month cannot pass in a test: the charter's next review is moved to a moment just ahead.
    await database.db
      .updateTable('charters')
      .set({ next_review_at: new Date(Date.now() + 300).toISOString() })
      .where('account_id', '=', account.id)
      .execute();

    const due = { kind: 'point' as const, at: new Date(Date.now() + 7 * 86_400_000).toISOString() };
    const kept = await crm.promise.create.mutate({
      accountId: account.id,
      ownerId: managerId,
      kind: 'delivery',
      title: 'Replacement compressor',
      due,
    });
    await crm.promise.recordEvent.mutate({
      promiseId: kept.id,
      expectedVersion: 1,
      event: { type: 'at_risk_flagged', reason: 'The supplier is two days late' },
    });
    await crm.promise.recordEvent.mutate({
      promiseId: kept.id,
      expectedVersion: 2,
      event: { type: 'fulfilled', completeness: 'full' },
    });
    const missed = await crm.promise.create.mutate({
      accountId: account.id,
      ownerId: managerId,
      kind: 'callback',
      title: 'Call back about the invoice',
      due,
    });
    await crm.promise.recordEvent.mutate({
      promiseId: missed.id,
      expectedVersion: 1,
      event: { type: 'missed' },
    });
    await crm.charter.observe.mutate({
      accountId: account.id,
      termId: charter.current.terms[0]?.id ?? '',
      reference: 'TICKET-4711',
      businessMinutes: 600,
    });
    // While the receiver is down, every event is attempted and refused.
    await until('every event was attempted while the receiver was down', async () => {
      const { items } = await crm.webhook.deliveries.query({ status: 'pending' });
      const refusedTypes = new Set(
        items.filter((d) => d.attempts >= 1 && d.lastStatusCode === null).map((d) => d.type),
      );
      return refusedTypes.size === everyType.length ? true : undefined;
    });
    expect(flaky.received).toEqual([]);

    await flaky.start();
    await until('the receiver accepted an event of every type', async () =>
      new Set(flaky.accepted().map(typeOf)).size === everyType.length ? true : undefined,
    );

    // Every request, retries included, verifies with the subscription's secret.
    const verifier = new Webhook(flakySubscription.secret);
    for (const request of flaky.received) {
      expect(() => verifier.verify(request.body, request.headers)).not.toThrow();
      expect(request.headers['content-type']).toBe('application/json');
    }
    // A retry carries the id of the first try; each event has its own id, accepted once.
    const acceptedIds = flaky.accepted().map((request) => request.headers['webhook-id']);
    expect(new Set(acceptedIds).size).toBe(everyType.length);
    expect(acceptedIds).toHaveLength(everyType.length);
    for (const id of acceptedIds) {
      const tries = flaky.received.filter((request) => request.headers['webhook-id'] === id);
      expect(tries.map((request) => request.status)).toEqual([503, 200]);
      expect(tries[1]?.body).toBe(tries[0]?.body);
    }
    expect(flaky.accepted().map(typeOf).sort()).toEqual([...everyType].sort());
    const payloads = flaky.accepted().map((request) => JSON.parse(request.body));
    expect(payloads).toContainEqual({
      type: 'charter.breached',
      timestamp: expect.any(String),
      data: expect.objectContaining({ reference: 'TICKET-4711', measured: 600, limit: 240 }),
    });
    expect(payloads).toContainEqual(
      expect.objectContaining({
        type: 'promise.missed',
        data: expect.objectContaining({ promiseId: missed.id, status: 'missed' }),
      }),
    );

    const delivered = await until('the API shows every delivery delivered', async () => {
      const { items } = await crm.webhook.deliveries.query({ status: 'delivered' });
      return items.length === everyType.length ? items : undefined;
    });
    // Refused at least once, then a 503, then taken.
    for (const delivery of delivered) expect(delivery.attempts).toBeGreaterThanOrEqual(3);

    // The receiver that never came up: every delivery ends a dead letter, shown through the API.
    const dead = await until('every delivery to the receiver never up is dead', async () => {
      const { items } = await archive.webhook.deliveries.query({ status: 'dead' });
      return items.length === everyType.length ? items : undefined;
    });
    for (const letter of dead) {
      expect(letter).toMatchObject({
        subscriptionId: deadSubscription.subscription.id,
        attempts: 5,
        lastStatusCode: null,
        lastError: expect.stringContaining('ECONNREFUSED'),
      });
    }
    expect(neverUp.received).toEqual([]);
    // Dead letters are the integration's own: the other token does not see them.
    expect((await crm.webhook.deliveries.query({ status: 'dead' })).items).toEqual([]);

    // Brought up at last, a redelivered dead letter arrives under its original id.
    await neverUp.start();
    const [letter] = dead;
    if (letter === undefined) throw new Error('a dead letter');
    await archive.webhook.redeliver.mutate({ id: letter.id });
    await until('the redelivered letter was accepted', async () =>
      neverUp.accepted().length === 1 ? true : undefined,
    );
    expect(neverUp.accepted()[0]?.headers['webhook-id']).toBe(letter.messageId);
    const archiveVerifier = new Webhook(deadSubscription.secret);
    for (const request of neverUp.received) {
      expect(() => archiveVerifier.verify(request.body, request.headers)).not.toThrow();
    }
  }, 90_000);
});
