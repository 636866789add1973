import { mkdirSync } from 'node:fs';
import { type Database, migrateToLatest, openDatabase } from '@steadfast/db';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from './http-server.ts';

const screenshotDir = new URL('../.screenshots/', import.meta.url).pathname;
let nextId = 1;
const newId = () => `00000000-0000-7000-8000-${(nextId++).toString().padStart(12, '0')}`;

describe('the REST reference page at /api/docs', () => {
  let server: FastifyInstance;
  let db: Kysely<Database>;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    db = openDatabase({ kind: 'sqlite', file: ':memory:' }).db;
    await migrateToLatest(db);
    server = buildHttpServer({
      db,
      now: () => new Date().toISOString(),
      newId,
      logLevel: 'silent',
    });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server.close();
    await db.destroy();
  });

  it('serves Scalar from this server, not a CDN', async () => {
    const page = await fetch(`${url}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('src="/api/docs/scalar.js"');
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await fetch(`${url}/api/docs/scalar.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
  });

  it('renders every endpoint of the document in a real browser, asking nothing of the internet and breaking no rule of its Content-Security-Policy', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const elsewhere: string[] = [];
    await page.route('**/*', (route) => {
      const requested = new URL(route.request().url());
      if (requested.hostname === '127.0.0.1' || requested.protocol === 'data:') {
        return route.continue();
      }
      elsewhere.push(requested.href);
      return route.abort();
    });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    // The page's Content-Security-Policy must not block anything Scalar does.
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    await page.exposeFunction('reportCspViolation', (violation: string) => {
      cspViolations.push(violation);
    });
    // A string, not a function: this package's TypeScript knows no DOM.
    await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => {
      window.reportCspViolation(event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline'));
    });`);

    const response = await page.goto(`${url}/api/docs`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self';");
    await page.getByText('Steadfast integration API').first().waitFor({ timeout: 30_000 });
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}api-reference.png` });
    for (const summary of [
      'Make a promise',
      'Record what happened to a promise',
      'Post up to 1000 observations, all or none',
      "An account's trust score",
    ]) {
      expect(await page.getByText(summary).count()).toBeGreaterThan(0);
    }
    await page.getByText('Make a promise').first().click();
    await page.getByRole('heading', { name: 'Make a promise' }).waitFor();
    await page.getByText('promises:write').first().waitFor();
    await page.screenshot({ path: `${screenshotDir}api-reference-make-a-promise.png` });

    expect(failures).toEqual([]);
    expect(elsewhere).toEqual([]);
    // Zod inside Scalar probes once whether eval is allowed (`new Function('')` in a try) and
    // validates without compiling when it is not: that refusal is the policy working, not a break.
    const zodEvalProbe = 'script-src blocked eval';
    expect(cspViolations.filter((violation) => violation !== zodEvalProbe)).toEqual([]);
    await page.close();
  });
});
