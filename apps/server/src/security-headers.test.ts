import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppRouter, hashPassword } from '@steadfast/api';
import {
  type Database,
  insertUser,
  migrateToLatest,
  openDatabase,
  setUserPasswordHash,
} from '@steadfast/db';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCookie } from './__tests__/login.ts';
import { buildHttpServer } from './http-server.ts';

let nextId = 1;
const newId = () => `00000000-0000-7000-8000-${(nextId++).toString().padStart(12, '0')}`;
const password = 'headers on every answer';

/** The web admin's policy, directive by directive, as a browser reads the header. */
const webAdminPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** A GET whose body is read to the end, so no connection is left busy when the server closes. */
async function get(address: string, headers: Record<string, string> = {}) {
  const response = await fetch(address, { headers });
  const body = await response.text();
  return { status: response.status, headers: response.headers, body };
}

function directivesOf(header: string | null): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives[name] = sources;
  }
  return directives;
}

/** The headers every answer carries, whatever it is (a page, JSON, an error, a calendar). */
function expectTheUsualHeaders(headers: Headers): void {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
  // Plain http: a browser ignores HSTS here, and sending it would only mislead.
  expect(headers.get('strict-transport-security')).toBeNull();
  expect(headers.get('x-powered-by')).toBeNull();
}

describe('security headers on every answer of the server', () => {
  let server: FastifyInstance;
  let db: Kysely<Database>;
  let url: string;
  let webDist: string;
  let cookie: string;

  beforeAll(async () => {
    // A stand-in for the web admin's build, so the test needs no Vite build.
    webDist = mkdtempSync(join(tmpdir(), 'steadfast-headers-'));
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(
      join(webDist, 'index.html'),
      '<!doctype html><title>Steadfast</title><script type="module" src="/assets/app.js"></script>',
    );
    writeFileSync(join(webDist, 'assets', 'app.js'), 'document.title = "Steadfast";');
    db = openDatabase({ kind: 'sqlite', file: ':memory:' }).db;
    await migrateToLatest(db);
    const adaId = newId();
    await insertUser(db, {
      id: adaId,
      name: 'Ada Manager',
      email: 'ada@example.com',
      role: 'account_manager',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await setUserPasswordHash(db, adaId, await hashPassword(password));
    server = buildHttpServer({
      db,
      now: () => new Date().toISOString(),
      newId,
      logLevel: 'silent',
      webDist,
    });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
    cookie = await loginCookie(url, 'ada@example.com', password);
  });
  afterAll(async () => {
    await server?.close();
    await db?.destroy();
    rmSync(webDist, { recursive: true, force: true });
  });

  const html: Record<string, string> = { accept: 'text/html,application/xhtml+xml' };

  it.each([
    ['the web admin at /', '/', html, 200, 'text/html'],
    [
      'an address of the web admin (/accounts/…)',
      '/accounts/0190-some-account',
      html,
      200,
      'text/html',
    ],
    ['a web admin asset', '/assets/app.js', {}, 200, 'javascript'],
    ['GET /health', '/health', {}, 200, 'application/json'],
    ['a tRPC query', '/trpc/auth.me', {}, 200, 'application/json'],
    ['a tRPC query refused (401)', '/trpc/account.list', {}, 401, 'application/json'],
    ['a REST call refused (401)', '/api/v1/accounts', {}, 401, 'application/json'],
    ['the OpenAPI document', '/api/openapi.json', {}, 200, 'application/json'],
    ['an unknown API path (404)', '/api/v1/nothing-here', {}, 404, 'application/json'],
  ])('%s carries the strict CSP and the usual headers', async (_, path, headers, status, type) => {
    const response = await get(`${url}${path}`, headers);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain(type);
    expect(directivesOf(response.headers.get('content-security-policy'))).toEqual(webAdminPolicy);
    expectTheUsualHeaders(response.headers);
  });

  it("gives a logged-in person's tRPC answer the same headers", async () => {
    const me = await get(`${url}/trpc/auth.me`, { cookie });
    expect(me.status).toBe(200);
    expect(me.body).toContain('ada@example.com');
    expect(directivesOf(me.headers.get('content-security-policy'))).toEqual(webAdminPolicy);
    expectTheUsualHeaders(me.headers);
  });

  it('lets the REST reference page (/api/docs) add inline styles, and nothing else', async () => {
    const response = await get(`${url}/api/docs`, html);
    expect(response.status).toBe(200);
    const page = response.body;
    // Scalar is started from a file of this origin: no inline script needs allowing.
    expect(page).not.toMatch(/<script>/);
    expect(directivesOf(response.headers.get('content-security-policy'))).toEqual({
      ...webAdminPolicy,
      'style-src': ["'self'", "'unsafe-inline'"],
    });
    expectTheUsualHeaders(response.headers);
    for (const script of ['/api/docs/scalar.js', '/api/docs/start.js']) {
      const file = await get(`${url}${script}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toContain('javascript');
      expectTheUsualHeaders(file.headers);
    }
  });

  it('still serves the calendar feed to calendar apps, with the headers', async () => {
    const ada = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${url}/trpc`, headers: { cookie } })],
    });
    const feed = await ada.calendarFeed.create.mutate();
    const response = await get(`${url}${feed.path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    expect(response.body).toContain('BEGIN:VCALENDAR');
    expectTheUsualHeaders(response.headers);
  });

  it('lets the page shown before the web admin is built style itself by the hash of its one <style>, and nothing else', async () => {
    const unbuilt = buildHttpServer({
      db,
      now: () => new Date().toISOString(),
      newId,
      logLevel: 'silent',
      webDist: join(webDist, 'no-build-here'),
    });
    const unbuiltUrl = await unbuilt.listen({ port: 0, host: '127.0.0.1' });
    try {
      const response = await get(`${unbuiltUrl}/`, html);
      expect(response.body).toContain('has not been built yet');
      expect(response.body).not.toContain('style="');
      const style = /<style>([^<]*)<\/style>/.exec(response.body)?.[1] ?? '';
      const hash = createHash('sha256').update(style).digest('base64');
      expect(directivesOf(response.headers.get('content-security-policy'))).toEqual({
        ...webAdminPolicy,
        'style-src': ["'self'", `'sha256-${hash}'`],
      });
      expectTheUsualHeaders(response.headers);
    } finally {
      await unbuilt.close();
    }
  });

  it('sends Strict-Transport-Security only to a request that came over TLS through a trusted proxy', async () => {
    const proxied = buildHttpServer({
      db,
      now: () => new Date().toISOString(),
      newId,
      logLevel: 'silent',
      webDist,
      trustProxy: true,
    });
    const proxiedUrl = await proxied.listen({ port: 0, host: '127.0.0.1' });
    try {
      const overTls = await get(`${proxiedUrl}/health`, { 'x-forwarded-proto': 'https' });
      expect(overTls.headers.get('strict-transport-security')).toBe('max-age=31536000');
      const plain = await get(`${proxiedUrl}/health`, { 'x-forwarded-proto': 'http' });
      expect(plain.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await proxied.close();
    }
    // Without trustProxy a client cannot claim TLS it did not use.
    const claimed = await get(`${url}/health`, { 'x-forwarded-proto': 'https' });
    expect(claimed.headers.get('strict-transport-security')).toBeNull();
  });
});
