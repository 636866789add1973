import { describe, expect, it } from 'vitest';
import { readEnv } from './env.ts';

describe('server environment', () => {
  it('defaults to port 3000 on 127.0.0.1 with SQLite in ./data', () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      demoData: true,
    });
    expect(env.dataDir.endsWith('/data')).toBe(true);
  });

  it('retries webhooks from 5 s, nine attempts, each with 10 s to answer, unless told otherwise', () => {
    expect(readEnv({}).webhooks).toEqual({
      retry: { baseMs: 5_000, maxAttempts: 9 },
      timeoutMs: 10_000,
    });
    expect(
      readEnv({
        WEBHOOK_RETRY_BASE_MS: '100',
        WEBHOOK_MAX_ATTEMPTS: '3',
        WEBHOOK_TIMEOUT_MS: '500',
      }).webhooks,
    ).toEqual({ retry: { baseMs: 100, maxAttempts: 3 }, timeoutMs: 500 });
    expect(() => readEnv({ WEBHOOK_MAX_ATTEMPTS: '0' })).toThrow(/WEBHOOK_MAX_ATTEMPTS/);
  });

  it('names the variable and the rule when one is bad', () => {
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readEnv({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ URL/,
    );
  });
});
