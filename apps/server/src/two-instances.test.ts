import { type AppRouter, hashPassword } from '@steadfast/api';
import { insertAccount, insertUser, setUserPasswordHash } from '@steadfast/db';
import { createTestDatabase, type TestDatabase } from '@steadfast/db/testing';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loginCookie } from './__tests__/login.ts';
import { type ServerProcess, startServerProcess } from './__tests__/server-process.ts';

const ownerId = '00000000-0000-7000-8000-0000000000a1';
const accountId = '00000000-0000-7000-8000-0000000000b1';

describe('two server instances on one PostgreSQL', () => {
  let database: TestDatabase;
  let instances: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres', { postgresUrl: inject('postgresUrl') });
    const createdAt = '2026-01-05T09:00:00.000Z';
    await insertUser(database.db, {
      id: ownerId,
      name: 'Ada',
      email: 'ada@example.com',
      role: 'account_manager',
      createdAt,
    });
    await insertAccount(database.db, {
      id: accountId,
      name: 'Northwind',
      ownerId,
      stage: 'active',
      tier: 'key',
      timeZone: 'Europe/Berlin',
      customerSince: '2024-01-01',
      calendar: null,
      createdAt,
      version: 1,
    });
    await setUserPasswordHash(database.db, ownerId, await hashPassword('two instances, one store'));
    const url = database.url;
    if (url === undefined) throw new Error('a PostgreSQL test database has a url');
    // Fast background rounds, so the test sees several sweeps.
    const env = {
      DATABASE_URL: url,
      DEMO_DATA: 'false',
      WORKER_INTERVAL_MS: '200',
      RISK_SWEEP_EVERY_MS: '1000',
    };
    instances = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 120_000);

  /** A client of one instance, logged in as the account manager (one session serves both). */
  let cookie = '';
  async function clientOf(instance: ServerProcess) {
    if (cookie === '')
      cookie = await loginCookie(instance.url, 'ada@example.com', 'two instances, one store');
    return createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${instance.url}/trpc`, headers: { cookie } })],
    });
  }

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.close();
  });

  it('gives concurrent writes to one promise through different instances one success and one conflict, never a lost update', async () => {
    const [a, b] = await Promise.all(instances.map((instance) => clientOf(instance)));
    if (a === undefined || b === undefined) throw new Error('two instances expected');
    const rounds = 20;
    let successes = 0;
    let conflicts = 0;
    for (let round = 0; round < rounds; round += 1) {
      const made = await a.promise.create.mutate({
        accountId,
        ownerId,
        kind: 'delivery',
        title: `Order ${round}`,
        due: { kind: 'point', at: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      });
      const outcomes = await Promise.allSettled([
        a.promise.recordEvent.mutate({
          promiseId: made.id,
          expectedVersion: 1,
          event: { type: 'progress', milestone: 'Packed by A' },
        }),
        b.promise.recordEvent.mutate({
          promiseId: made.id,
          expectedVersion: 1,
          event: { type: 'cancelled', reason: 'Cancelled by B' },
        }),
      ]);
      for (const outcome of outcomes) {
        if (outcome.status === 'fulfilled') {
          successes += 1;
          continue;
        }
        expect(outcome.reason).toBeInstanceOf(TRPCClientError);
        expect((outcome.reason as TRPCClientError<AppRouter>).data).toMatchObject({
          httpStatus: 409,
          errorCode: 'version_conflict',
        });
        conflicts += 1;
      }
      const { events } = await b.promise.get.query({ id: made.id });
      expect(events.map((e) => e.sequence)).toEqual([1, 2]);
    }
    expect(successes).toBe(rounds);
    expect(conflicts).toBe(rounds);
  }, 120_000);

  it('runs background work once: each risk sweep is claimed by one instance and each overdue promise flagged once', async () => {
    const [a] = await Promise.all(instances.map((instance) => clientOf(instance)));
    if (a === undefined) throw new Error('an instance expected');
    const hour = 3_600_000;
    const overdue: string[] = [];
    for (let n = 0; n < 12; n += 1) {
      const account = await a.account.create.mutate({
        name: `Client ${n}`,
        ownerId,
        stage: 'active',
      });
      const made = await a.promise.create.mutate({
        accountId: account.id,
        ownerId,
        kind: 'callback',
        title: `Call back client ${n}`,
        madeAt: new Date(Date.now() - 48 * hour).toISOString(),
        due: { kind: 'point', at: new Date(Date.now() - 24 * hour).toISOString() },
      });
      overdue.push(made.id);
    }

    const deadline = Date.now() + 60_000;
    let flagged: string[] = [];
    while (Date.now() < deadline) {
      flagged = (
        await a.promise.list.query({ view: 'at_risk', kind: 'callback', limit: 100 })
      ).items.map((p) => p.id);
      if (flagged.length === overdue.length) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(new Set(flagged)).toEqual(new Set(overdue));
    // Let a few more sweep slots pass: a flagged promise must never be flagged again.
    await new Promise((resolve) => setTimeout(resolve, 2_500));

    for (const id of overdue) {
      const { events } = await a.promise.get.query({ id });
      expect(events.filter((e) => e.type === 'at_risk_flagged')).toHaveLength(1);
    }
    const sweeps = await database.db
      .selectFrom('background_jobs')
      .select(['id', 'status', 'attempts', 'claimed_by'])
      .where('kind', '=', 'risk_sweep')
      .execute();
    expect(sweeps.length).toBeGreaterThanOrEqual(overdue.length);
    for (const sweep of sweeps.filter((s) => s.status === 'done'))
      expect(Number(sweep.attempts)).toBe(1);
    const claimers = new Set(sweeps.map((s) => s.claimed_by).filter((c) => c !== null));
    expect(claimers.size).toBeGreaterThanOrEqual(1);
    expect(claimers.size).toBeLessThanOrEqual(2);
  }, 120_000);
});
