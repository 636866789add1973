import type { AppRouter } from '@steadfast/api';
import { insertAccount, insertUser } from '@steadfast/db';
import { createTestDatabase, type TestDatabase } from '@steadfast/db/testing';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
    const url = database.url;
    if (url === undefined) throw new Error('a PostgreSQL test database has a url');
    instances = await Promise.all([
      startServerProcess({ DATABASE_URL: url, DEMO_DATA: 'false' }),
      startServerProcess({ DATABASE_URL: url, DEMO_DATA: 'false' }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.close();
  });

  it('gives concurrent writes to one promise through different instances one success and one conflict, never a lost update', async () => {
    const [a, b] = instances.map((instance) =>
      createTRPCClient<AppRouter>({ links: [httpLink({ url: `${instance.url}/trpc` })] }),
    );
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
});
