import { type AppRouter, hashPassword } from '@steadfast/api';
import {
  type Database,
  insertUser,
  migrateToLatest,
  openDatabase,
  setUserPasswordHash,
} from '@steadfast/db';
import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError } from '@trpc/client';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCookie } from './__tests__/login.ts';
import { buildHttpServer } from './http-server.ts';

const ownerId = '00000000-0000-7000-8000-000000000001';
const adminId = '00000000-0000-7000-8000-000000000002';
let nextId = 100;
const newId = () => `00000000-0000-7000-8000-${(nextId++).toString().padStart(12, '0')}`;

describe('HTTP server', () => {
  let server: FastifyInstance;
  let db: Kysely<Database>;
  let url: string;

  beforeAll(async () => {
    const handle = openDatabase({ kind: 'sqlite', file: ':memory:' });
    db = handle.db;
    await migrateToLatest(db);
    await insertUser(db, {
      id: ownerId,
      name: 'Ada',
      email: 'ada@example.com',
      role: 'account_manager',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await setUserPasswordHash(db, ownerId, await hashPassword('correct horse battery staple'));
    await insertUser(db, {
      id: adminId,
      name: 'Sam Admin',
      email: 'sam@example.com',
      role: 'admin',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await setUserPasswordHash(db, adminId, await hashPassword('admin passphrase for tests'));
    server = buildHttpServer({
      db,
      now: () => new Date().toISOString(),
      newId,
      logLevel: 'silent',
    });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  const asOwner = () => loginCookie(url, 'ada@example.com', 'correct horse battery staple');

  it('answers GET /health', async () => {
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('serves the typed tRPC API: create an account and a promise, then read them back', async () => {
    const cookie = await asOwner();
    const client = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${url}/trpc`, headers: { cookie } })],
    });
    const account = await client.account.create.mutate({
      name: 'Fabrikam',
      ownerId,
      stage: 'active',
    });
    const promise = await client.promise.create.mutate({
      accountId: account.id,
      ownerId,
      kind: 'quote',
      title: 'Quote for 200 licences',
      due: { kind: 'point', at: new Date(Date.now() + 86_400_000).toISOString() },
    });
    const [accounts, listed] = await Promise.all([
      client.account.list.query(),
      client.promise.list.query({ accountId: account.id }),
    ]);
    expect(accounts.map((a) => a.name)).toContain('Fabrikam');
    expect(listed.items.map((p) => p.id)).toEqual([promise.id]);
  });

  it('answers bad input with HTTP 400 and { code, message, fieldErrors } naming the field and rule', async () => {
    const cookie = await asOwner();
    const response = await fetch(`${url}/trpc/account.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ name: '', ownerId: 'not-a-uuid' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { message: string; data: Record<string, unknown> };
    };
    expect(body.error.data).toMatchObject({
      code: 'BAD_REQUEST',
      httpStatus: 400,
      errorCode: 'invalid_input',
      fieldErrors: { name: ['must not be empty'], ownerId: ['must be a UUID'] },
    });
    expect(body.error.message).toContain('ownerId: must be a UUID');
    expect(await db.selectFrom('accounts').select('id').where('name', '=', '').execute()).toEqual(
      [],
    );
  });

  it('gives tRPC clients the domain reason: 409 with the current version on a stale write', async () => {
    const cookie = await asOwner();
    const client = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${url}/trpc`, headers: { cookie } })],
    });
    const account = await client.account.create.mutate({ name: 'Tailspin', ownerId });
    const made = await client.promise.create.mutate({
      accountId: account.id,
      ownerId,
      kind: 'callback',
      title: 'Call back about the outage',
      due: { kind: 'point', at: new Date(Date.now() + 3_600_000).toISOString() },
    });
    await client.promise.recordEvent.mutate({
      promiseId: made.id,
      expectedVersion: 1,
      event: { type: 'progress', milestone: 'Tried, voicemail' },
    });

    const error = await client.promise.recordEvent
      .mutate({
        promiseId: made.id,
        expectedVersion: 1,
        event: { type: 'fulfilled', completeness: 'full' },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const data = (error as TRPCClientError<AppRouter>).data;
    expect(data).toMatchObject({
      httpStatus: 409,
      errorCode: 'version_conflict',
      details: { currentVersion: 2 },
      fieldErrors: { expectedVersion: [expect.any(String)] },
    });
  });

  it('answers an unknown procedure with 404, not a 500', async () => {
    const response = await fetch(`${url}/trpc/promise.explode`);
    expect(response.status).toBe(404);
  });

  it('answers malformed JSON with 400, not a 500', async () => {
    const cookie = await asOwner();
    const response = await fetch(`${url}/trpc/account.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: '{"name": ',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('logs in over HTTP with an httpOnly, SameSite cookie, and ignores that cookie from another site', async () => {
    const login = await fetch(`${url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', password: 'correct horse battery staple' }),
    });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^steadfast_session=[^;]+;/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const cookie = setCookie.split(';')[0] ?? '';

    const me = async (headers: Record<string, string>) => {
      const response = await fetch(`${url}/trpc/auth.me`, { headers: { cookie, ...headers } });
      return ((await response.json()) as { result: { data: { id: string } | null } }).result.data;
    };
    expect((await me({}))?.id).toBe(ownerId);
    expect(await me({ origin: 'https://evil.example' })).toBeNull();
    expect(await me({ 'sec-fetch-site': 'cross-site' })).toBeNull();

    const wrong = await fetch(`${url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', password: 'nope' }),
    });
    expect(wrong.status).toBe(401);
  });

  it('authenticates an integration by bearer token, notes its use, and refuses it once revoked', async () => {
    const adminCookie = await loginCookie(url, 'sam@example.com', 'admin passphrase for tests');
    const client = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${url}/trpc`, headers: { cookie: adminCookie } })],
    });
    const { token, secret } = await client.token.create.mutate({
      name: 'Orderdesk',
      scopes: ['promises:write', 'promises:read'],
    });
    expect(secret).toMatch(/^sf_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    const stored = await db
      .selectFrom('api_tokens')
      .select(['secret_hash'])
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_hash).not.toContain(secret.slice(-43));
    expect(JSON.stringify(await client.token.list.query())).not.toContain(secret.slice(-43));

    const asToken = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${url}/trpc`, headers: { authorization: `Bearer ${secret}` } })],
    });
    expect(await asToken.auth.token.query()).toMatchObject({
      id: token.id,
      scopes: ['promises:read', 'promises:write'],
    });
    expect(
      (await client.token.list.query()).find((t) => t.id === token.id)?.lastUsedAt,
    ).not.toBeNull();

    await client.token.revoke.mutate({ id: token.id });
    const refused = await fetch(`${url}/trpc/auth.token`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(refused.status).toBe(401);
    const forged = await fetch(`${url}/trpc/auth.token`, {
      headers: { authorization: 'Bearer sf_nonsense' },
    });
    expect(forged.status).toBe(401);
  });

  it('marks the session cookie Secure behind a TLS-terminating proxy it is told to trust', async () => {
    const behindProxy = buildHttpServer({
      db,
      now: () => new Date().toISOString(),
      newId,
      logLevel: 'silent',
      trustProxy: true,
    });
    const proxied = await behindProxy.listen({ port: 0, host: '127.0.0.1' });
    try {
      const login = await fetch(`${proxied}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({
          email: 'ada@example.com',
          password: 'correct horse battery staple',
        }),
      });
      expect(login.headers.get('set-cookie')).toContain('Secure');
    } finally {
      await behindProxy.close();
    }
  });
});
