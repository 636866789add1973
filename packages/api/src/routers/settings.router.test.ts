import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import { runDueJobs } from '../background/worker.ts';

describe('settings and what hangs off them', () => {
  let api: TestApi;
  let accountId: string;
  beforeEach(async () => {
    api = await createTestApi('2026-01-05T09:00:00.000Z');
    accountId = (await api.caller.account.create({ name: 'Northwind', ownerId: api.ownerId })).id;
  });
  afterEach(async () => {
    await api.close();
  });

  async function missOne(): Promise<string> {
    api.clock.now = '2026-01-05T09:00:00.000Z';
    const made = await api.caller.promise.create({
      accountId,
      ownerId: api.ownerId,
      kind: 'fix',
      title: 'Fix the login outage',
      importance: 'high',
      due: { kind: 'point', at: '2026-01-07T17:00:00.000Z' },
    });
    api.clock.now = '2026-01-09T12:00:00.000Z';
    await api.caller.promise.recordEvent({
      promiseId: made.id,
      expectedVersion: 1,
      event: { type: 'missed' },
    });
    return made.id;
  }

  it('tells how a promise turned out, in business time', async () => {
    const id = await missOne();
    const outcome = await api.caller.promise.outcome({ id });
    expect(outcome).toMatchObject({ kind: 'missed', announcedBeforeDue: false });
  });

  it('moves a score when an admin changes a setting, and rebuilds evidence when the half-life changes', async () => {
    await missOne();
    api.clock.now = '2026-06-01T09:00:00.000Z';
    const before = (await api.caller.trust.account({ accountId })).score.score;

    const { version } = await api.caller.settings.analytics();
    const shorter = await api.adminCaller.settings.updateAnalytics({
      expectedVersion: version,
      patch: { trust: { halfLifeDays: 30 } },
    });
    expect(shorter.settings.trust.halfLifeDays).toBe(30);
    expect(shorter.settings.trust.priorWeight).toBe(2);
    await runDueJobs({
      db: api.db,
      workerId: 'w',
      context: { db: api.db, now: () => api.clock.now, newId: api.newId },
    });

    const after = await api.caller.trust.account({ accountId });
    // With a 30-day half-life a five-month-old miss has all but faded: the score recovers.
    expect(after.score.score).toBeGreaterThan(before);
    expect(after.outcomes).toMatchObject({ missed: 1 });
  });

  it('rejects a bad setting naming the field, changes nothing, and detects a stale version', async () => {
    const error = await api.adminCaller.settings
      .updateAnalytics({ expectedVersion: 0, patch: { trust: { halfLifeDays: -5 } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    const issues = ((error as TRPCError).cause as unknown as { issues: { path: unknown[] }[] })
      .issues;
    expect(issues.map((issue) => issue.path)).toEqual([['patch', 'trust', 'halfLifeDays']]);
    expect((await api.caller.settings.analytics()).version).toBe(0);

    await api.adminCaller.settings.updateAnalytics({
      expectedVersion: 0,
      patch: { risk: { atRiskBelow: 0.4 } },
    });
    const stale = await api.adminCaller.settings
      .updateAnalytics({ expectedVersion: 0, patch: { risk: { atRiskBelow: 0.3 } } })
      .catch((e: unknown) => e);
    expect((stale as TRPCError).code).toBe('CONFLICT');
    expect((await api.caller.settings.analytics()).settings.risk.atRiskBelow).toBe(0.4);
  });
});
