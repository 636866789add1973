import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import { runDueJobs } from '../background/worker.ts';

const DAY = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

/** Weekly deliveries for an account, each promised a week out: kept, or missed silently. */
async function history(
  api: TestApi,
  accountId: string,
  outcomes: ('kept' | 'silent_miss' | 'announced_miss')[],
) {
  let monday = Date.parse('2026-01-05T09:00:00.000Z');
  for (const outcome of outcomes) {
    api.clock.now = at(monday);
    const due = monday + 4 * DAY;
    const made = await api.caller.promise.create({
      accountId,
      ownerId: api.ownerId,
      kind: 'delivery',
      title: `Week of ${at(monday).slice(0, 10)}`,
      due: { kind: 'point', at: at(due) },
    });
    let version = made.version;
    if (outcome === 'announced_miss') {
      api.clock.now = at(due - DAY);
      const informed = await api.caller.promise.recordEvent({
        promiseId: made.id,
        expectedVersion: version,
        event: {
          type: 'customer_informed',
          channel: 'phone',
          alternativesOffered: ['Partial delivery'],
          apologised: true,
        },
      });
      version = informed.version;
    }
    api.clock.now = at(outcome === 'kept' ? due - 2 * DAY : due + DAY);
    await api.caller.promise.recordEvent({
      promiseId: made.id,
      expectedVersion: version,
      event: outcome === 'kept' ? { type: 'fulfilled', completeness: 'full' } : { type: 'missed' },
    });
    monday += 7 * DAY;
  }
}

describe('trust router', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi('2026-01-01T09:00:00.000Z');
  });
  afterEach(async () => {
    await api.close();
  });

  it('starts a new account at the company’s typical reliability with a wide interval, not 50', async () => {
    const account = await api.caller.account.create({ name: 'Fresh Ltd', ownerId: api.ownerId });
    const { score, outcomes } = await api.caller.trust.account({ accountId: account.id });
    expect(outcomes).toBeNull();
    expect(score.score).toBeCloseTo(85, 0);
    expect(score.interval.high - score.interval.low).toBeGreaterThan(40);
  });

  it('counts charter compliance where a charter exists, and leaves it out where none does', async () => {
    const kept = await api.caller.account.create({
      name: 'Charter Kept',
      ownerId: api.ownerId,
      stage: 'active',
    });
    const broken = await api.caller.account.create({
      name: 'Charter Broken',
      ownerId: api.ownerId,
      stage: 'active',
    });
    const term = {
      metric: 'first_response_time' as const,
      description: 'We reply to every ticket within 4 business hours',
      target: { amount: 4, unit: 'business_hours' as const },
      threshold: 0.9,
    };
    for (const [account, minutes] of [
      [kept, 60],
      [broken, 600],
    ] as const) {
      const charter = await api.caller.charter.save({
        accountId: account.id,
        expectedVersion: 0,
        terms: [term],
      });
      const termId = charter.current.terms[0]?.id ?? '';
      for (let n = 0; n < 5; n += 1) {
        await api.caller.charter.observe({
          accountId: account.id,
          termId,
          reference: `T-${n}`,
          businessMinutes: minutes,
        });
      }
    }
    const noCharter = await api.caller.account.create({
      name: 'No Charter',
      ownerId: api.ownerId,
      stage: 'active',
    });

    const trustOf = (accountId: string) => api.caller.trust.account({ accountId });
    const [a, b, c] = [
      await trustOf(kept.id),
      await trustOf(broken.id),
      await trustOf(noCharter.id),
    ];
    expect(a.charterCompliance).toBe(1);
    expect(b.charterCompliance).toBe(0);
    expect(c.charterCompliance).toBeNull();
    expect(a.score.components.map((component) => component.name)).toContain('charter');
    expect(c.score.notCounted.map((part) => part.name)).toContain('charter');
    expect(a.score.score).toBeGreaterThan(b.score.score);
  });

  it('scores a team from its managers’ promises, and rebuilds when membership changes', async () => {
    const team = await api.adminCaller.team.create({ name: 'EMEA' });
    await api.adminCaller.team.assign({ userId: api.ownerId, teamId: team.id });
    const account = await api.caller.account.create({ name: 'Team Client', ownerId: api.ownerId });
    await history(api, account.id, ['kept', 'silent_miss', 'kept']);
    api.clock.now = '2026-03-01T09:00:00.000Z';
    expect((await api.caller.trust.team({ teamId: team.id })).outcomes).toMatchObject({
      on_time: 2,
      missed: 1,
    });
    expect((await api.adminCaller.trust.ranking({ scope: 'team' })).map((r) => r.name)).toEqual([
      'EMEA',
    ]);

    const other = await api.adminCaller.team.create({ name: 'Americas' });
    await api.adminCaller.team.assign({ userId: api.ownerId, teamId: other.id });
    await runDueJobs({
      db: api.db,
      workerId: 'w',
      context: { db: api.db, now: () => api.clock.now, newId: api.newId },
    });
    expect((await api.caller.trust.team({ teamId: team.id })).outcomes).toBeNull();
    expect((await api.caller.trust.team({ teamId: other.id })).outcomes).toMatchObject({
      missed: 1,
    });
  });

  it('scores steady keeping above silent misses, and an announced miss above a silent one', async () => {
    const steady = await api.caller.account.create({ name: 'Steady GmbH', ownerId: api.ownerId });
    const silent = await api.caller.account.create({ name: 'Silent AG', ownerId: api.ownerId });
    const announced = await api.caller.account.create({
      name: 'Announced SA',
      ownerId: api.ownerId,
    });
    await history(api, steady.id, ['kept', 'kept', 'kept', 'kept', 'kept', 'kept']);
    await history(api, silent.id, ['kept', 'silent_miss', 'kept', 'silent_miss', 'kept', 'kept']);
    await history(api, announced.id, [
      'kept',
      'announced_miss',
      'kept',
      'announced_miss',
      'kept',
      'kept',
    ]);
    api.clock.now = '2026-03-01T09:00:00.000Z';

    const scoreOf = async (accountId: string) =>
      (await api.caller.trust.account({ accountId })).score;
    const [a, b, c] = await Promise.all([
      scoreOf(steady.id),
      scoreOf(silent.id),
      scoreOf(announced.id),
    ]);
    expect(a.score).toBeGreaterThan(c.score);
    expect(c.score).toBeGreaterThan(b.score);
    expect(b.components.map((component) => component.name)).toContain('proactivity');
    expect((await api.caller.trust.account({ accountId: silent.id })).outcomes).toMatchObject({
      missed: 2,
      on_time: 4,
    });

    const ranking = await api.adminCaller.trust.ranking({
      scope: 'account',
      order: 'lowest',
      limit: 3,
    });
    expect(ranking.map((r) => r.name)).toEqual(['Silent AG', 'Announced SA', 'Steady GmbH']);
    const company = await api.adminCaller.trust.company();
    expect(company.outcomes).toMatchObject({ missed: 4, on_time: 14 });
    const manager = await api.caller.trust.manager({ userId: api.ownerId });
    expect(manager.outcomes).toMatchObject({ missed: 4 });
  });
});
