import fastifyCookie from '@fastify/cookie';
import { type AppRouter, appRouter, hashPassword } from '@steadfast/api';
import {
  type Database,
  insertAccount,
  insertUser,
  migrateToLatest,
  openDatabase,
  setUserPasswordHash,
} from '@steadfast/db';
import { createTRPCClient, httpLink } from '@trpc/client';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCookie } from './__tests__/login.ts';
import { buildHttpServer } from './http-server.ts';
import { requestContext } from './request-context.ts';

const adminId = '00000000-0000-7000-8000-000000000002';
const accountId = '00000000-0000-7000-8000-000000000003';
let nextId = 100;
const newId = () => `00000000-0000-7000-8000-${(nextId++).toString().padStart(12, '0')}`;
const now = () => new Date().toISOString();

/**
 * The shortcut for single queries (trpc-http.ts) must answer exactly as tRPC's own Fastify
 * adapter does: the same status, body and content type, for good calls and every kind of refusal.
 */
describe('tRPC over HTTP: single queries answer as tRPC itself does', () => {
  let db: Kysely<Database>;
  let server: FastifyInstance;
  let stock: FastifyInstance;
  let url: string;
  let stockUrl: string;
  let readToken: string;
  let promisesToken: string;
  let cookie: string;

  beforeAll(async () => {
    db = openDatabase({ kind: 'sqlite', file: ':memory:' }).db;
    await migrateToLatest(db);
    await insertUser(db, {
      id: adminId,
      name: 'Sam Admin',
      email: 'sam@example.com',
      role: 'admin',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await setUserPasswordHash(db, adminId, await hashPassword('admin passphrase for tests'));
    await insertAccount(db, {
      id: accountId,
      name: 'Fabrikam',
      ownerId: adminId,
      stage: 'active',
      tier: 'standard',
      timeZone: 'Europe/Paris',
      customerSince: null,
      calendar: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      version: 1,
    });
    server = buildHttpServer({ db, now, newId, logLevel: 'silent' });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
    // tRPC's own adapter over the same router and context, for comparison.
    stock = Fastify({ logger: false, routerOptions: { maxParamLength: 5000 } });
    stock.register(fastifyCookie);
    stock.register(fastifyTRPCPlugin, {
      prefix: '/trpc',
      trpcOptions: { router: appRouter, createContext: requestContext({ db, now, newId }) },
    });
    stockUrl = await stock.listen({ port: 0, host: '127.0.0.1' });

    cookie = await loginCookie(url, 'sam@example.com', 'admin passphrase for tests');
    const admin = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${url}/trpc`, headers: { cookie } })],
    });
    readToken = (await admin.token.create.mutate({ name: 'CRM', scopes: ['accounts:read'] }))
      .secret;
    promisesToken = (
      await admin.token.create.mutate({ name: 'Orderdesk', scopes: ['promises:read'] })
    ).secret;
  });
  afterAll(async () => {
    await server.close();
    await stock.close();
    await db.destroy();
  });

  const input = (value: unknown) => `?input=${encodeURIComponent(JSON.stringify(value))}`;
  const cases: {
    name: string;
    status: number;
    path: string;
    headers?: () => Record<string, string>;
  }[] = [
    {
      name: 'a good read',
      status: 200,
      path: `/trpc/account.get${input({ id: accountId })}`,
      headers: () => ({ authorization: `Bearer ${readToken}` }),
    },
    {
      name: 'a good read by session',
      status: 200,
      path: `/trpc/account.get${input({ id: accountId })}`,
      headers: () => ({ cookie }),
    },
    {
      name: 'an unknown account (404)',
      status: 404,
      path: `/trpc/account.get${input({ id: '00000000-0000-7000-8000-000000009999' })}`,
      headers: () => ({ authorization: `Bearer ${readToken}` }),
    },
    {
      name: 'a bad id (400 naming the field)',
      status: 400,
      path: `/trpc/account.get${input({ id: 'nope' })}`,
      headers: () => ({ authorization: `Bearer ${readToken}` }),
    },
    {
      name: 'no input at all',
      status: 400,
      path: '/trpc/account.get',
      headers: () => ({ authorization: `Bearer ${readToken}` }),
    },
    {
      name: 'input that is not JSON',
      status: 400,
      path: '/trpc/account.get?input=%7Bnope',
      headers: () => ({ authorization: `Bearer ${readToken}` }),
    },
    {
      name: 'a token without the scope (403)',
      status: 403,
      path: `/trpc/account.get${input({ id: accountId })}`,
      headers: () => ({ authorization: `Bearer ${promisesToken}` }),
    },
    {
      name: 'a forged token (401)',
      status: 401,
      path: `/trpc/account.get${input({ id: accountId })}`,
      headers: () => ({ authorization: `Bearer sf_nonsense` }),
    },
    { name: 'nobody (401)', status: 401, path: `/trpc/account.get${input({ id: accountId })}` },
    {
      name: 'an input-less query',
      status: 200,
      path: '/trpc/auth.token',
      headers: () => ({ authorization: `Bearer ${readToken}` }),
    },
    { name: 'a public query', status: 200, path: '/trpc/auth.me' },
    {
      name: 'an encoded path',
      status: 200,
      path: `/trpc/account%2Eget${input({ id: accountId })}`,
      headers: () => ({ authorization: `Bearer ${readToken}` }),
    },
    {
      name: 'a batch (left to tRPC)',
      status: 200,
      path: `/trpc/account.get,account.list?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { id: accountId } }))}`,
      headers: () => ({ authorization: `Bearer ${readToken}` }),
    },
    {
      name: 'a mutation by GET (left to tRPC: 405)',
      status: 405,
      path: `/trpc/account.create${input({ name: 'x' })}`,
      headers: () => ({ authorization: `Bearer ${readToken}` }),
    },
    { name: 'an unknown procedure (left to tRPC: 404)', status: 404, path: '/trpc/account.nope' },
  ];

  for (const { name, status, path, headers } of cases) {
    it(`${name}: the same status, body and content type`, async () => {
      const [ours, theirs] = await Promise.all(
        [url, stockUrl].map((base) => fetch(`${base}${path}`, { headers: headers?.() ?? {} })),
      );
      if (ours === undefined || theirs === undefined) throw new Error('no answer');
      expect(theirs.status).toBe(status);
      expect(ours.status).toBe(theirs.status);
      expect(ours.headers.get('content-type')).toBe(theirs.headers.get('content-type'));
      expect(ours.headers.get('vary')).toBe(theirs.headers.get('vary'));
      expect(await ours.text()).toBe(await theirs.text());
    });
  }
});
