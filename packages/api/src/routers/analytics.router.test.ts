import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import { runDueJobs, scheduleRiskSweeps } from '../background/worker.ts';

const DAY = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

/**
 * An account whose deliveries, on a Mon–Fri 09–17 UTC calendar, were each fulfilled `takes`
 * calendar days after a Monday 09:00 start, promised `promisedDays` later.
 */
async function deliveryHistory(
  api: TestApi,
  accountId: string,
  history: { takesDays: number[]; promisedDays: number },
): Promise<void> {
  let monday = Date.parse('2026-01-05T09:00:00.000Z');
  for (const takes of history.takesDays) {
    api.clock.now = at(monday);
    const made = await api.caller.promise.create({
      accountId,
      ownerId: api.ownerId,
      kind: 'delivery',
      title: `Delivery of week ${at(monday).slice(0, 10)}`,
      due: { kind: 'point', at: at(monday + history.promisedDays * DAY) },
    });
    api.clock.now = at(monday + takes * DAY);
    await api.caller.promise.recordEvent({
      promiseId: made.id,
      expectedVersion: 1,
      event: { type: 'fulfilled', completeness: 'full' },
    });
    monday += 14 * DAY;
  }
}

/**
 * Deliveries that mostly took 1–2 days on 3-day promises, then one open since Monday 3 August
 * and due Friday, looked at on Thursday 16:00: 3.9 business days in, when nearly all took ≤ 2.
 */
async function slowDeliveryNearItsDue(api: TestApi, accountId: string) {
  await deliveryHistory(api, accountId, {
    takesDays: [1, 1, 2, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2],
    promisedDays: 3,
  });
  api.clock.now = '2026-08-03T09:00:00.000Z';
  const slow = await api.caller.promise.create({
    accountId,
    ownerId: api.ownerId,
    kind: 'delivery',
    title: 'Replacement compressor',
    due: { kind: 'point', at: '2026-08-07T17:00:00.000Z' },
  });
  api.clock.now = '2026-08-06T16:00:00.000Z';
  return slow;
}

describe('analytics procedures', () => {
  let api: TestApi;
  let accountId: string;
  beforeEach(async () => {
    api = await createTestApi('2026-01-01T09:00:00.000Z');
    const account = await api.caller.account.create({
      name: 'Northwind',
      ownerId: api.ownerId,
      stage: 'active',
    });
    accountId = account.id;
  });
  afterEach(async () => {
    await api.close();
  });

  it('answers "can I promise this?" from the record, warning when the date is tighter', async () => {
    // Deliveries took 1–4 calendar days from a Monday: 1–4 business days of 8 hours.
    await deliveryHistory(api, accountId, {
      takesDays: [1, 2, 2, 3, 3, 3, 4, 4, 2, 3, 1, 3, 4, 2],
      promisedDays: 7,
    });
    const start = '2026-08-03T09:00:00.000Z'; // a Monday
    api.clock.now = start;

    const tight = await api.caller.calibration.check({
      kind: 'delivery',
      accountId,
      proposedDue: '2026-08-04T09:00:00.000Z',
    });
    expect(tight.scope.level).toBe('kind_account');
    expect(tight.sample.fulfilled).toBe(14);
    expect(tight.quantiles.map((q) => q.level)).toEqual([0.5, 0.8, 0.9, 0.95]);
    expect(tight.proposal?.verdict).toBe('tighter_than_record');
    expect(tight.proposal?.warning).toContain('80% of deliveries for this account');

    const comfortable = await api.caller.calibration.check({
      kind: 'delivery',
      accountId,
      proposedDue: '2026-08-07T17:00:00.000Z',
    });
    expect(comfortable.proposal?.verdict).toBe('supported');
    expect(comfortable.proposal?.warning).toBeNull();
  });

  it('reviews a slow open promise as at risk with a drafted notice, and the sweep flags it exactly once', async () => {
    const slow = await slowDeliveryNearItsDue(api, accountId);

    const review = await api.caller.risk.review({ id: slow.id });
    expect(review.assessment.atRisk).toBe(true);
    expect(review.notice?.text).toContain('Replacement compressor');
    expect(review.notice?.apology.length).toBeGreaterThan(0);
    expect(review.notice?.alternatives.length).toBeGreaterThan(0);

    const context = { db: api.db, now: () => api.clock.now, newId: api.newId };
    expect(await scheduleRiskSweeps({ db: api.db, now: api.clock.now, everyMs: 3_600_000 })).toBe(
      1,
    );
    expect(await scheduleRiskSweeps({ db: api.db, now: api.clock.now, everyMs: 3_600_000 })).toBe(
      0,
    );
    await runDueJobs({ db: api.db, workerId: 'w1', context });
    api.clock.now = '2026-08-06T16:30:00.000Z';
    await scheduleRiskSweeps({ db: api.db, now: '2026-08-06T17:30:00.000Z', everyMs: 3_600_000 });
    api.clock.now = '2026-08-06T17:30:00.000Z';
    await runDueJobs({ db: api.db, workerId: 'w1', context });

    const { events } = await api.caller.promise.get({ id: slow.id });
    expect(events.filter((e) => e.type === 'at_risk_flagged')).toHaveLength(1);
    const atRisk = await api.caller.promise.list({ view: 'at_risk' });
    expect(atRisk.items.map((p) => p.id)).toEqual([slow.id]);

    // The sweep's statistical reason is for the account manager, never the customer's notice.
    const flag = events.find((e) => e.type === 'at_risk_flagged');
    const sweepReason = flag?.type === 'at_risk_flagged' ? flag.reason : '';
    const afterSweep = await api.caller.risk.review({ id: slow.id });
    expect(afterSweep.notice?.text).not.toContain(sweepReason);
  });

  it('tells the customer the reason a person gave when flagging the risk', async () => {
    const slow = await slowDeliveryNearItsDue(api, accountId);
    await api.caller.promise.recordEvent({
      promiseId: slow.id,
      expectedVersion: 1,
      event: { type: 'at_risk_flagged', reason: 'our supplier’s plant is closed by a strike' },
    });
    const review = await api.caller.risk.review({ id: slow.id });
    expect(review.notice?.text).toContain('our supplier’s plant is closed by a strike');
  });

  it('warns of expectation drift when deliveries keep arriving well ahead of the promise', async () => {
    await deliveryHistory(api, accountId, { takesDays: [3, 2, 3, 2, 3, 2], promisedDays: 11 });
    const drift = await api.caller.drift.forAccount({ accountId, kind: 'delivery' });
    expect(drift[0]).toMatchObject({ kind: 'delivery', drifted: true });
    const steady = await api.caller.drift.forAccount({ accountId, kind: 'quote' });
    expect(steady[0]).toMatchObject({ drifted: false, reason: 'too_little_data' });
  });

  it('re-measures an account in its own calendar after the calendar changes', async () => {
    await deliveryHistory(api, accountId, { takesDays: [2], promisedDays: 7 });
    const before = await api.db
      .selectFrom('promises')
      .select('fulfilled_minutes')
      .executeTakeFirstOrThrow();
    expect(Number(before.fulfilled_minutes)).toBe(2 * 8 * 60);

    const weekdays = [{ start: '08:00', end: '20:00' }];
    await api.caller.calendar.setAccount({
      accountId,
      calendar: {
        timeZone: 'UTC',
        weeklyHours: {
          monday: weekdays,
          tuesday: weekdays,
          wednesday: weekdays,
          thursday: weekdays,
          friday: weekdays,
        },
      },
    });
    await runDueJobs({
      db: api.db,
      workerId: 'w1',
      context: { db: api.db, now: () => api.clock.now, newId: api.newId },
    });
    const after = await api.db
      .selectFrom('promises')
      .select('fulfilled_minutes')
      .executeTakeFirstOrThrow();
    expect(Number(after.fulfilled_minutes)).toBe(2 * 12 * 60);
  });

  it('adds "10 business days" in the account calendar and rejects absurd durations by field', async () => {
    const { end } = await api.caller.calendar.addDuration({
      accountId,
      start: '2026-06-01T10:00:00Z',
      duration: { amount: 10, unit: 'business_days' },
    });
    expect(end).toBe('2026-06-15T10:00:00.000Z');
    await expect(
      api.caller.calendar.addDuration({
        accountId,
        start: '2026-06-01T10:00:00Z',
        duration: { amount: 1e9, unit: 'business_days' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
