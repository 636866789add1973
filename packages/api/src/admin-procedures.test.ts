import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from './__tests__/rejections.ts';
import { createTestApi, sequentialIds, type TestApi } from './__tests__/test-api.ts';
import { createCaller } from './root.ts';

describe('admin procedures', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  const asAnonymous = () =>
    createCaller({ db: api.db, now: () => api.clock.now, newId: sequentialIds(), actorId: null });
  const asToken = () =>
    createCaller({
      db: api.db,
      now: () => api.clock.now,
      newId: sequentialIds(),
      actorId: null,
      token: {
        id: 'tok',
        name: 'Orderdesk',
        scopes: ['promises:write'],
        createdBy: null,
        createdAt: api.clock.now,
        lastUsedAt: null,
        revokedAt: null,
      },
    });

  const calls = {
    'settings.updateAnalytics': (c: ReturnType<typeof createCaller>) =>
      c.settings.updateAnalytics({ expectedVersion: 0, patch: { risk: { atRiskBelow: 0.4 } } }),
    'team.create': (c: ReturnType<typeof createCaller>) => c.team.create({ name: 'Ops' }),
    'token.create': (c: ReturnType<typeof createCaller>) =>
      c.token.create({ name: 'CRM', scopes: ['scores:read'] }),
    'token.list': (c: ReturnType<typeof createCaller>) => c.token.list(),
    'audit.list': (c: ReturnType<typeof createCaller>) => c.audit.list(),
    'user.setRole': (c: ReturnType<typeof createCaller>) =>
      c.user.setRole({ userId: api.ownerId, role: 'account_manager' }),
  };

  it.each(Object.entries(calls))(
    '%s: 401 anonymous, 403 for an account manager or a token, allowed for an admin',
    async (_path, call) => {
      expect((await rejection(call(asAnonymous()))).code).toBe('UNAUTHORIZED');
      expect((await rejection(call(api.caller))).code).toBe('FORBIDDEN');
      expect((await rejection(call(asToken()))).code).toBe('FORBIDDEN');
      await expect(call(api.adminCaller)).resolves.toBeDefined();
    },
  );

  it('lets an admin add a person who can then log in, never writing the password to the audit trail', async () => {
    const password = 'a first password for Kim';
    const kim = await api.adminCaller.user.create({
      name: 'Kim New',
      email: 'kim@example.com',
      role: 'leader',
      password,
    });
    const jar = { token: null, start: (token: string) => tokens.push(token), end: () => {} };
    const tokens: string[] = [];
    const anonymous = createCaller({
      db: api.db,
      now: () => api.clock.now,
      newId: sequentialIds(),
      actorId: null,
      session: jar,
    });
    const { user } = await anonymous.auth.login({ email: 'kim@example.com', password });
    expect(user).toMatchObject({ id: kim.id, role: 'leader' });
    expect(tokens).toHaveLength(1);
    const trail = JSON.stringify(await api.adminCaller.audit.list());
    expect(trail).toContain('user.create');
    expect(trail).not.toContain(password);

    const taken = await rejection(
      api.adminCaller.user.create({
        name: 'Kim Again',
        email: 'KIM@example.com',
        role: 'admin',
        password,
      }),
    );
    expect(taken.code).toBe('CONFLICT');
  });
});
