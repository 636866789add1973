import { insertUser } from '@steadfast/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import { calendarFeedFor } from '../calendar-feed/calendar-feed-for.ts';
import { createCaller } from '../root.ts';

const responseTerm = {
  metric: 'first_response_time' as const,
  description: 'We reply to every ticket within 4 business hours',
  target: { amount: 4, unit: 'business_hours' as const },
  threshold: 0.95,
};

/** The last segment of a feed path, as a calendar app's request names it. */
const fileOf = (path: string) => path.slice('/ical/'.length);

describe('a person’s calendar feed', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi();
  });
  afterEach(async () => {
    await api.close();
  });

  const feedFor = (path: string) =>
    calendarFeedFor({ db: api.db, file: fileOf(path), now: api.clock.now });

  it('is made with a secret URL shown once, and its status says when it was last fetched', async () => {
    expect(await api.caller.calendarFeed.status()).toEqual({
      exists: false,
      createdAt: null,
      lastFetchedAt: null,
    });
    const made = await api.caller.calendarFeed.create();
    expect(made.path).toMatch(/^\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(made.revokedPrevious).toBe(false);
    expect(await api.caller.calendarFeed.status()).toEqual({
      exists: true,
      createdAt: api.clock.now,
      lastFetchedAt: null,
    });

    api.clock.now = '2026-11-24T11:00:00.000Z';
    expect(await feedFor(made.path)).toMatchObject({ personName: 'Ada Owner', entries: [] });
    expect(await api.caller.calendarFeed.status()).toMatchObject({
      lastFetchedAt: '2026-11-24T11:00:00.000Z',
    });
  });

  it('stops answering the old URL once a new one is made, and any once revoked', async () => {
    const first = await api.caller.calendarFeed.create();
    const second = await api.caller.calendarFeed.create();
    expect(second.revokedPrevious).toBe(true);
    expect(second.path).not.toBe(first.path);
    expect(await feedFor(first.path)).toBeNull();
    expect(await feedFor(second.path)).not.toBeNull();

    expect(await api.caller.calendarFeed.revoke()).toEqual({ revoked: true });
    expect(await feedFor(second.path)).toBeNull();
    expect(await api.caller.calendarFeed.status()).toMatchObject({ exists: false });
    expect(await api.caller.calendarFeed.revoke()).toEqual({ revoked: false });
  });

  it('keeps the secret out of the audit trail', async () => {
    const made = await api.caller.calendarFeed.create();
    await api.caller.calendarFeed.revoke();
    const entries = await api.adminCaller.audit.list();
    expect(entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['calendarFeed.create', 'calendarFeed.revoke']),
    );
    expect(JSON.stringify(entries)).not.toContain(fileOf(made.path).slice(0, 43));
  });

  it('holds an account manager’s own charter reviews, and every account’s for a leader', async () => {
    const own = await api.caller.account.create({ name: 'Northwind', ownerId: api.ownerId });
    const otherManagerId = api.newId();
    await insertUser(api.db, {
      id: otherManagerId,
      name: 'Otto Other',
      email: 'otto@example.com',
      role: 'account_manager',
      createdAt: api.clock.now,
    });
    const others = await api.adminCaller.account.create({
      name: 'Contoso',
      ownerId: otherManagerId,
    });
    await api.caller.charter.save({ accountId: own.id, expectedVersion: 0, terms: [responseTerm] });
    await api.adminCaller.charter.save({
      accountId: others.id,
      expectedVersion: 0,
      terms: [responseTerm],
    });
    await api.caller.promise.create({
      accountId: own.id,
      ownerId: api.ownerId,
      kind: 'quote',
      title: 'Send the quote',
      due: { kind: 'point', at: '2026-12-01T10:00:00Z' },
    });
    const leaderId = api.newId();
    await insertUser(api.db, {
      id: leaderId,
      name: 'Lee Leader',
      email: 'lee@example.com',
      role: 'leader',
      createdAt: api.clock.now,
    });
    const leader = createCaller({
      db: api.db,
      now: () => api.clock.now,
      newId: api.newId,
      actorId: leaderId,
    });

    const managersFeed = await feedFor((await api.caller.calendarFeed.create()).path);
    const leadersFeed = await feedFor((await leader.calendarFeed.create()).path);

    expect(managersFeed?.entries.map((entry) => entry.summary)).toEqual([
      'Due: Send the quote — Northwind',
      'Charter review — Northwind',
    ]);
    expect(leadersFeed?.entries.map((entry) => entry.summary).sort()).toEqual([
      'Charter review — Contoso',
      'Charter review — Northwind',
    ]);
  });

  it('refuses integration tokens: a feed belongs to a person', async () => {
    const integration = createCaller({
      db: api.db,
      now: () => api.clock.now,
      newId: api.newId,
      actorId: null,
      token: {
        id: api.newId(),
        name: 'CRM',
        scopes: ['promises:read', 'promises:write', 'accounts:read', 'scores:read'],
        createdBy: null,
        createdAt: api.clock.now,
        lastUsedAt: null,
        revokedAt: null,
      },
    });
    await expect(integration.calendarFeed.create()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(integration.calendarFeed.status()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
