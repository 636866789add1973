import { type AppRouter, hashPassword } from '@steadfast/api';
import {
  type Database,
  insertUser,
  migrateToLatest,
  openDatabase,
  setUserPasswordHash,
} from '@steadfast/db';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCookie } from './__tests__/login.ts';
import { buildHttpServer } from './http-server.ts';

describe('a mutation without input, called the way tRPC’s httpLink calls it (POST, no body)', () => {
  let server: FastifyInstance;
  let db: Kysely<Database>;
  let url: string;
  beforeAll(async () => {
    db = openDatabase({ kind: 'sqlite', file: ':memory:' }).db;
    await migrateToLatest(db);
    const id = uuidv7();
    await insertUser(db, {
      id,
      name: 'Ada',
      email: 'ada@example.com',
      role: 'account_manager',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await setUserPasswordHash(db, id, await hashPassword('correct horse battery staple'));
    server = buildHttpServer({
      db,
      now: () => new Date().toISOString(),
      newId: uuidv7,
      logLevel: 'silent',
    });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('runs and is audited, where it was refused as "Unexpected end of JSON input"', async () => {
    const cookie = await loginCookie(url, 'ada@example.com', 'correct horse battery staple');
    const client = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${url}/trpc`, headers: { cookie } })],
    });
    const feed = await client.calendarFeed.create.mutate();
    expect(feed.path).toMatch(/^\/ical\//);
    expect(await client.calendarFeed.revoke.mutate()).toEqual({ revoked: true });
    const audited = await db.selectFrom('audit_log').select('action').execute();
    expect(audited.map((entry) => entry.action).sort()).toEqual([
      'calendarFeed.create',
      'calendarFeed.revoke',
    ]);
  });

  it('still refuses a broken body where a procedure has input, naming the parse error', async () => {
    const cookie = await loginCookie(url, 'ada@example.com', 'correct horse battery staple');
    const response = await fetch(`${url}/trpc/account.create`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(response.status).toBe(400);
    expect(await db.selectFrom('accounts').selectAll().execute()).toEqual([]);
  });
});
