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

  it('names the variable and the rule when one is bad', () => {
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readEnv({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ URL/,
    );
  });
});
