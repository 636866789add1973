import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRouter } from '@steadfast/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { afterAll, describe, expect, it } from 'vitest';
import { loginCookie } from './__tests__/login.ts';
import { startServerProcess } from './__tests__/server-process.ts';

/** A client logged in as the demo leader, who sees every account (README: the demo password). */
async function demoClient(url: string) {
  const cookie = await loginCookie(url, 'helen.okafor@steadfast.demo', 'steadfast-demo');
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${url}/trpc`, headers: { cookie } })],
  });
}

describe('the server as started by `pnpm start`', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'steadfast-main-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loads demo data into an empty store once, serves /health and the accounts, and says where', async () => {
    const first = await startServerProcess({ DATA_DIR: dataDir });
    try {
      const logText = first.log.join('');
      expect(logText).toContain(join(dataDir, 'steadfast.sqlite'));
      expect(logText).toContain('Loaded demo data');
      expect((await fetch(`${first.url}/health`)).status).toBe(200);
      const client = await demoClient(first.url);
      const accounts = await client.account.list.query();
      expect(accounts.length).toBeGreaterThanOrEqual(20);
      const overdue = await client.promise.list.query({ view: 'overdue' });
      expect(overdue.items.length).toBeGreaterThan(0);
    } finally {
      await first.stop();
    }

    const second = await startServerProcess({ DATA_DIR: dataDir });
    try {
      expect(second.log.join('')).not.toContain('Loaded demo data');
      const client = await demoClient(second.url);
      const accounts = await client.account.list.query();
      expect(accounts.length).toBeGreaterThanOrEqual(20);
      expect(new Set(accounts.map((a) => a.name)).size).toBe(accounts.length);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('refuses to start with a bad variable, naming it', async () => {
    const error = await startServerProcess({ DATA_DIR: dataDir, PORT: 'eighty' }).catch(
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(/PORT/);
  }, 60_000);
});
