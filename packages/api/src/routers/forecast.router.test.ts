import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import { scheduleTrustSnapshots } from '../background/trust-snapshot.job.ts';
import { runDueJobs, scheduleRiskSweeps } from '../background/worker.ts';

const DAY = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

describe('Steadfast keeps its own promises', () => {
  let api: TestApi;
  let accountId: string;
  beforeEach(async () => {
    api = await createTestApi('2026-01-05T09:00:00.000Z');
    accountId = (
      await api.caller.account.create({ name: 'Northwind', ownerId: api.ownerId, stage: 'active' })
    ).id;
  });
  afterEach(async () => {
    await api.close();
  });

  /** Weekly deliveries made on Mondays, each promised by Friday and fulfilled `takes` days later. */
  async function deliveries(takes: readonly number[]): Promise<string[]> {
    const ids: string[] = [];
    let monday = Date.parse('2026-01-05T09:00:00.000Z');
    for (const days of takes) {
      api.clock.now = at(monday);
      const made = await api.caller.promise.create({
        accountId,
        ownerId: api.ownerId,
        kind: 'delivery',
        title: `Week of ${at(monday).slice(0, 10)}`,
        due: { kind: 'point', at: at(monday + 4 * DAY + 8 * 3_600_000) },
      });
      ids.push(made.id);
      api.clock.now = at(monday + days * DAY);
      await api.caller.promise.recordEvent({
        promiseId: made.id,
        expectedVersion: 1,
        event: days <= 4 ? { type: 'fulfilled', completeness: 'full' } : { type: 'missed' },
      });
      monday += 7 * DAY;
    }
    return ids;
  }

  it('records the calibration range shown at capture and resolves it once the promise closes', async () => {
    await deliveries([1, 2, 2, 3, 2, 1, 3, 2, 2, 1, 3, 2, 2, 3, 1, 2, 2, 3, 2, 1, 2, 2, 3, 2]);
    const rows = await api.db.selectFrom('forecasts').select(['type', 'promise_id']).execute();
    expect(rows.filter((r) => r.type === 'calibration')).toHaveLength(24);
    // An integration posting a promise was shown no range: nothing of Steadfast's to audit.
    await api.caller.promise.create({
      accountId,
      ownerId: api.ownerId,
      kind: 'delivery',
      title: 'Order SO-1',
      source: { type: 'integration', system: 'Orderdesk', reference: 'SO-1' },
      due: { kind: 'point', at: '2026-07-10T09:00:00.000Z' },
    });
    expect(await api.db.selectFrom('forecasts').select('id').execute()).toHaveLength(24);
    expect(
      await api.db.selectFrom('promise_resolutions').select('promise_id').execute(),
    ).toHaveLength(24);

    api.clock.now = '2026-07-01T09:00:00.000Z';
    const audit = await api.adminCaller.forecast.audit({
      from: '2026-01-01T00:00:00Z',
      to: '2026-07-01T00:00:00Z',
    });
    expect(audit.calibration.forecasts).toBe(24);
    const at80 = audit.calibration.coverage.overall.cells.find((cell) => cell.level === 0.8);
    expect(at80?.n).toBeGreaterThan(0);
    expect(audit.calibration.coverage.byKind.map((row) => row.kind)).toContain('delivery');
  });

  it('records a risk probability at each daily review and at the first flag, and scores them', async () => {
    await deliveries([1, 2, 1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1, 2]);
    api.clock.now = '2026-08-03T09:00:00.000Z';
    const late = await api.caller.promise.create({
      accountId,
      ownerId: api.ownerId,
      kind: 'delivery',
      title: 'Compressor',
      due: { kind: 'point', at: '2026-08-05T17:00:00.000Z' },
    });
    api.clock.now = '2026-08-05T16:00:00.000Z';
    const context = { db: api.db, now: () => api.clock.now, newId: api.newId };
    await scheduleRiskSweeps({ db: api.db, now: api.clock.now, everyMs: 3_600_000 });
    await runDueJobs({ db: api.db, workerId: 'w', context });
    const risk = await api.db
      .selectFrom('forecasts')
      .select(['id'])
      .where('type', '=', 'risk')
      .execute();
    expect(risk.map((r) => r.id).sort()).toEqual([
      `risk:at_due:${late.id}`,
      `risk:first_flagged:${late.id}`,
      `risk:review:${late.id}:2026-08-05`,
    ]);

    api.clock.now = '2026-08-10T09:00:00.000Z';
    await api.caller.promise.recordEvent({
      promiseId: late.id,
      expectedVersion: 2,
      event: { type: 'missed' },
    });
    const audit = await api.adminCaller.forecast.audit({
      from: '2026-08-01T00:00:00Z',
      to: '2026-08-09T00:00:00Z',
    });
    expect(audit.risk.forecasts).toBe(3);
    expect(audit.risk.brier.overall.n).toBe(3);
    // It gave the promise little chance, and it was indeed missed.
    expect(audit.risk.brier.overall.brierScore).toBeLessThan(0.25);
  });

  it('keeps a daily score history and traces a drop to the miss that caused it', async () => {
    const ids = await deliveries([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 9]);
    const missed = ids.at(-1);
    const context = { db: api.db, now: () => api.clock.now, newId: api.newId };
    await scheduleTrustSnapshots({ db: api.db, now: api.clock.now });
    await runDueJobs({ db: api.db, workerId: 'w', context });
    const history = await api.caller.trust.history({
      of: { scope: 'account', id: accountId },
      fromDay: '2026-01-01',
      toDay: '2026-12-31',
    });
    expect(history).toHaveLength(1);

    const trace = await api.caller.trust.explainChange({
      of: { scope: 'account', id: accountId },
      from: '2026-03-14T00:00:00.000Z',
      to: api.clock.now,
    });
    expect(trace.change).toBeLessThan(-3);
    expect(trace.events.map((event) => event.promiseId)).toEqual([missed]);
    expect(trace.events[0]?.points ?? 0).toBeLessThan(trace.change / 2);
  });
});
