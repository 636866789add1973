import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webAdmin } from './web-admin.ts';

const html = { accept: 'text/html,application/xhtml+xml' };

describe('the web admin served by the server', () => {
  let dist: string;
  let server: FastifyInstance;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'steadfast-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("app")');
    server = Fastify();
    server.get('/health', async () => ({ status: 'ok' }));
    server.register(webAdmin, { dist });
    await server.ready();
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers / and any address of the app with index.html, never cached', async () => {
    for (const url of [
      '/',
      '/accounts/0193a1b2-0000-7000-8000-000000000001',
      '/admin?tab=settings',
    ]) {
      const response = await server.inject({ url, headers: html });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the hashed assets with long-lived caching', async () => {
    const response = await server.inject({ url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log("app")');
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('leaves the API paths and non-HTML requests to their own handlers (404 here)', async () => {
    for (const url of ['/trpc/nothing', '/api/v1/nothing', '/ical/x.ics', '/health/deep']) {
      const response = await server.inject({ url, headers: html });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('<div id="root">');
    }
    expect(
      (await server.inject({ url: '/accounts', headers: { accept: 'application/json' } }))
        .statusCode,
    ).toBe(404);
    expect((await server.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    expect((await server.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
  });

  it('says how to build the web admin when there is no build, instead of failing', async () => {
    const bare = Fastify();
    bare.register(webAdmin, { dist: join(dist, 'not-built') });
    const response = await bare.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('pnpm --filter @steadfast/web build');
    await bare.close();
  });
});
