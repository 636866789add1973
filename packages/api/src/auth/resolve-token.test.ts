import { revokeApiToken } from '@steadfast/db';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import { resolveBearerToken } from './resolve-token.ts';

const later = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();

describe('resolveBearerToken', () => {
  let api: TestApi;
  afterEach(() => api.close());

  async function newToken() {
    api = await createTestApi();
    return api.adminCaller.token.create({ name: 'Orderdesk', scopes: ['accounts:read'] });
  }

  it('refuses a token revoked through the API on its very next use, right after a good one', async () => {
    const { token, secret } = await newToken();
    expect(await resolveBearerToken(api.db, secret, api.clock.now)).toMatchObject({ id: token.id });
    await api.adminCaller.token.revoke({ id: token.id });
    expect(await resolveBearerToken(api.db, secret, api.clock.now)).toBeNull();
    expect(await resolveBearerToken(api.db, secret, later(api.clock.now, 1_000))).toBeNull();
  });

  it('refuses a wrong secret for a token it has just let in', async () => {
    const { token, secret } = await newToken();
    expect(await resolveBearerToken(api.db, secret, api.clock.now)).not.toBeNull();
    const forged = `sf_${token.id}_${'A'.repeat(43)}`;
    expect(await resolveBearerToken(api.db, forged, api.clock.now)).toBeNull();
  });

  it('refuses a token revoked by another process sharing the store within seconds', async () => {
    const { token, secret } = await newToken();
    expect(await resolveBearerToken(api.db, secret, api.clock.now)).not.toBeNull();
    // Straight in the store, as another server process or instance would.
    await revokeApiToken(api.db, token.id, api.clock.now);
    expect(await resolveBearerToken(api.db, secret, later(api.clock.now, 6_000))).toBeNull();
  });

  it('notes a use at most once a minute, also for a token it takes on trust', async () => {
    const { token, secret } = await newToken();
    const lastUse = async () =>
      (await api.adminCaller.token.list()).find((listed) => listed.id === token.id)?.lastUsedAt;
    await resolveBearerToken(api.db, secret, api.clock.now);
    expect(await lastUse()).toBe(api.clock.now);
    await resolveBearerToken(api.db, secret, later(api.clock.now, 30_000));
    expect(await lastUse()).toBe(api.clock.now);
    await resolveBearerToken(api.db, secret, later(api.clock.now, 61_000));
    expect(await lastUse()).toBe(later(api.clock.now, 61_000));
    await resolveBearerToken(api.db, secret, later(api.clock.now, 64_000));
    expect(await lastUse()).toBe(later(api.clock.now, 61_000));
  });
});
