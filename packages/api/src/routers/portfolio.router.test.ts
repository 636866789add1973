import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';

const DAY = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

describe('portfolio analytics for leadership', () => {
  let api: TestApi;
  let clientId: string;
  let prospectId: string;
  beforeEach(async () => {
    api = await createTestApi('2026-09-01T09:00:00.000Z');
    clientId = (
      await api.caller.account.create({ name: 'Northwind', ownerId: api.ownerId, stage: 'active' })
    ).id;
    prospectId = (
      await api.caller.account.create({
        name: 'Prospect Co',
        ownerId: api.ownerId,
        stage: 'prospect',
      })
    ).id;
  });
  afterEach(async () => {
    await api.close();
  });

  /** A promise made now, due in 4 days, then closed `days` later (kept by then, else missed). */
  async function promise(options: {
    accountId: string;
    kind: 'delivery' | 'callback';
    days: number;
    kept: boolean;
  }) {
    const start = Date.parse(api.clock.now);
    const made = await api.caller.promise.create({
      accountId: options.accountId,
      ownerId: api.ownerId,
      kind: options.kind,
      title: 'Something promised',
      due: { kind: 'point', at: at(start + 4 * DAY) },
    });
    api.clock.now = at(start + options.days * DAY);
    await api.caller.promise.recordEvent({
      promiseId: made.id,
      expectedVersion: 1,
      event: options.kept ? { type: 'fulfilled', completeness: 'full' } : { type: 'missed' },
    });
    api.clock.now = at(start + 7 * DAY);
  }

  it('ranks the promise kinds that slip, most slipping first, with every kind present', async () => {
    await promise({ accountId: clientId, kind: 'delivery', days: 2, kept: true });
    await promise({ accountId: clientId, kind: 'delivery', days: 5, kept: false });
    await promise({ accountId: clientId, kind: 'callback', days: 1, kept: true });

    const { kinds } = await api.adminCaller.portfolio.kindSlips({});

    expect(kinds[0]).toMatchObject({
      kind: 'delivery',
      closed: 2,
      slips: 1,
      missed: 1,
      slipShare: 0.5,
    });
    expect(kinds.find((kind) => kind.kind === 'callback')).toMatchObject({ slipShare: 0 });
    expect(kinds).toHaveLength(8);
  });

  it('counts the kinds that slip over whole UTC days, today so far included, the first day whole', async () => {
    // Closed at 02:00 on the window's first day, and at 01:00 today.
    api.clock.now = '2026-04-08T09:00:00.000Z';
    await promise({ accountId: clientId, kind: 'delivery', days: 0.7, kept: false });
    api.clock.now = '2026-04-16T09:00:00.000Z';
    await promise({ accountId: clientId, kind: 'delivery', days: 0.667, kept: true });
    api.clock.now = '2026-04-17T01:30:00.000Z';
    const week = await api.adminCaller.portfolio.kindSlips({ days: 9 });
    expect(week.window).toEqual({
      from: '2026-04-09T00:00:00.000Z',
      to: '2026-04-18T00:00:00.000Z',
    });
    expect(week.kinds[0]).toMatchObject({ kind: 'delivery', closed: 2, missed: 1 });
    const shorter = await api.adminCaller.portfolio.kindSlips({ days: 8 });
    expect(shorter.kinds[0]).toMatchObject({ kind: 'delivery', closed: 1, missed: 0 });
  });

  it('sees a manager working mostly on prospects and a served account with no charter', async () => {
    await promise({ accountId: prospectId, kind: 'callback', days: 1, kept: true });
    await promise({ accountId: prospectId, kind: 'callback', days: 1, kept: true });
    await promise({ accountId: clientId, kind: 'callback', days: 1, kept: true });

    const attention = await api.adminCaller.portfolio.attention({});
    expect(attention.managers).toEqual([
      expect.objectContaining({
        managerId: api.ownerId,
        prospectEffort: 2,
        existingEffort: 1,
        chasingNew: true,
      }),
    ]);

    const { gaps } = await api.adminCaller.portfolio.serviceGaps({});
    const knowledge = gaps.find((gap) => gap.area === 'knowledge');
    expect(knowledge).toMatchObject({ measure: 0, status: 'gap' });
    expect(knowledge?.accounts).toEqual([
      { accountId: clientId, accountName: 'Northwind', note: 'no service charter' },
    ]);
  });

  it('weighs attention over whole UTC days, today so far included, the first day whole', async () => {
    // Made at 23:30 the day before a 7-day window, at 00:30 on its first day, and today.
    for (const madeAt of [
      '2026-09-02T23:30:00.000Z',
      '2026-09-03T00:30:00.000Z',
      '2026-09-09T08:00:00.000Z',
    ]) {
      api.clock.now = madeAt;
      await api.caller.promise.create({
        accountId: clientId,
        ownerId: api.ownerId,
        kind: 'callback',
        title: `Call back, made ${madeAt}`,
        due: { kind: 'point', at: at(Date.parse(madeAt) + 4 * DAY) },
      });
    }
    api.clock.now = '2026-09-09T09:00:00.000Z';
    const week = await api.adminCaller.portfolio.attention({ days: 7 });
    expect(week.window).toEqual({
      from: '2026-09-03T00:00:00.000Z',
      to: '2026-09-10T00:00:00.000Z',
    });
    expect(week.managers[0]).toMatchObject({ existingEffort: 2 });
    const eight = await api.adminCaller.portfolio.attention({ days: 8 });
    expect(eight.managers[0]).toMatchObject({ existingEffort: 3 });
  });

  it('names an existing account nobody touched for the neglect period', async () => {
    api.clock.now = at(Date.parse(api.clock.now) + 60 * DAY);
    const attention = await api.adminCaller.portfolio.attention({});
    expect(attention.neglected.map((account) => [account.accountName, account.quietDays])).toEqual([
      ['Northwind', 60],
    ]);
  });

  it('draws a monthly trend that shows a score falling after the month misses began', async () => {
    for (let n = 0; n < 4; n += 1) {
      await promise({ accountId: clientId, kind: 'delivery', days: 2, kept: true });
    }
    // September was kept; in October and November every promise is missed.
    api.clock.now = '2026-10-05T09:00:00.000Z';
    for (let n = 0; n < 6; n += 1) {
      await promise({ accountId: clientId, kind: 'delivery', days: 5, kept: false });
    }

    const { points } = await api.adminCaller.portfolio.trend({ months: 3 });

    expect(points.map((point) => [point.day, point.source])).toEqual([
      ['2026-09-30', 'reconstructed'],
      ['2026-10-31', 'reconstructed'],
      ['2026-11-16', 'live'],
    ]);
    const [september, , today] = points;
    expect(september?.score ?? 0).toBeGreaterThan((today?.score ?? 0) + 10);
    expect(today?.score).toBeCloseTo((await api.adminCaller.trust.company()).score.score, 6);
  });

  it('refuses account managers and a window outside 7–730 days', async () => {
    await expect(api.caller.portfolio.attention({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const refused = await api.adminCaller.portfolio.kindSlips({ days: 3 }).catch((error) => error);
    expect(refused).toBeInstanceOf(TRPCError);
    expect(refused.code).toBe('BAD_REQUEST');
  });
});
