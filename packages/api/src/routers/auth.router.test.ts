import { findSessionUser, setUserPasswordHash } from '@steadfast/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../__tests__/rejections.ts';
import { createTestApi, sequentialIds, type TestApi } from '../__tests__/test-api.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { tokenHash } from '../auth/session-tokens.ts';
import type { SessionCookie } from '../context.ts';
import { createCaller } from '../root.ts';
import { maxLoginFailures } from './auth.router.ts';

const password = 'correct horse battery staple';

/** A session cookie that remembers what the server would have set. */
function cookieJar(): SessionCookie & {
  set: { token: string; expiresAt: string } | null;
  ended: boolean;
} {
  return {
    token: null,
    set: null,
    ended: false,
    start(token, expiresAt) {
      this.set = { token, expiresAt };
    },
    end() {
      this.ended = true;
    },
  };
}

describe('passwords', () => {
  it('are stored as an argon2id hash with a real cost, never as themselves', async () => {
    const stored = await hashPassword(password);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$/);
    const [, memory, time] = /m=(\d+),t=(\d+)/.exec(stored) ?? [];
    expect(Number(memory)).toBeGreaterThanOrEqual(19_456);
    expect(Number(time)).toBeGreaterThanOrEqual(2);
    expect(stored).not.toContain(password);
    expect(await hashPassword(password)).not.toBe(stored);
    expect(await verifyPassword(stored, password)).toBe(true);
    expect(await verifyPassword(stored, `${password}!`)).toBe(false);
    expect(await verifyPassword('not a hash', password)).toBe(false);
  });
});

describe('auth router', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi();
    await setUserPasswordHash(api.db, api.ownerId, await hashPassword(password));
  });
  afterEach(async () => {
    await api.close();
  });

  const anonymous = (session: SessionCookie) =>
    createCaller({
      db: api.db,
      now: () => api.clock.now,
      newId: sequentialIds(),
      actorId: null,
      session,
    });

  it('logs in, starts a session only its hash is stored for, and logs out', async () => {
    const jar = cookieJar();
    const { user } = await anonymous(jar).auth.login({ email: 'ADA@example.com', password });
    expect(user?.id).toBe(api.ownerId);
    const token = jar.set?.token ?? '';
    expect(token.length).toBeGreaterThanOrEqual(40);
    const stored = await api.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).toEqual([tokenHash(token)]);
    expect((await findSessionUser(api.db, tokenHash(token), api.clock.now))?.id).toBe(api.ownerId);

    await anonymous({ ...jar, token }).auth.logout();
    expect(await findSessionUser(api.db, tokenHash(token), api.clock.now)).toBeUndefined();
  });

  it('answers a wrong password and an unknown address alike with UNAUTHORIZED, starting no session', async () => {
    const jar = cookieJar();
    const wrong = await rejection(
      anonymous(jar).auth.login({ email: 'ada@example.com', password: 'guess' }),
    );
    const unknown = await rejection(
      anonymous(jar).auth.login({ email: 'eve@example.com', password }),
    );
    expect([wrong.code, unknown.code]).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED']);
    expect(wrong.message).toBe(unknown.message);
    expect(jar.set).toBeNull();
  });

  it('trips the rate limit after repeated failures, even for the right password, until the window passes', async () => {
    for (let n = 0; n < maxLoginFailures; n += 1) {
      await rejection(
        anonymous(cookieJar()).auth.login({ email: 'ada@example.com', password: `guess ${n}` }),
      );
    }
    const limited = await rejection(
      anonymous(cookieJar()).auth.login({ email: 'ada@example.com', password }),
    );
    expect(limited.code).toBe('TOO_MANY_REQUESTS');

    api.clock.now = new Date(Date.parse(api.clock.now) + 16 * 60_000).toISOString();
    const { user } = await anonymous(cookieJar()).auth.login({
      email: 'ada@example.com',
      password,
    });
    expect(user?.id).toBe(api.ownerId);
  });

  it('says who the caller is', async () => {
    expect(await anonymous(cookieJar()).auth.me()).toBeNull();
    expect((await api.caller.auth.me())?.id).toBe(api.ownerId);
  });
});
