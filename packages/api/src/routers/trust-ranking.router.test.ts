import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { rankAllAccounts } from '../analytics/trust-ranking.ts';
import { companyPrior } from '../analytics/trust-scores.ts';
import { snapshotTrustScores } from '../background/trust-snapshot.job.ts';

const DAY = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

/** A week-long promise made at `madeMs` and then kept early, or missed a day late. */
async function promiseClosed(api: TestApi, accountId: string, madeMs: number, kept: boolean) {
  api.clock.now = at(madeMs);
  const made = await api.caller.promise.create({
    accountId,
    ownerId: api.ownerId,
    kind: 'delivery',
    title: `Delivery of ${at(madeMs).slice(0, 10)}`,
    due: { kind: 'point', at: at(madeMs + 4 * DAY) },
  });
  api.clock.now = at(kept ? madeMs + 2 * DAY : madeMs + 5 * DAY);
  await api.caller.promise.recordEvent({
    promiseId: made.id,
    expectedVersion: made.version,
    event: kept ? { type: 'fulfilled', completeness: 'full' } : { type: 'missed' },
  });
}

describe('trust ranking of accounts from the hourly snapshot', () => {
  let api: TestApi;
  const ids: string[] = [];
  beforeEach(async () => {
    api = await createTestApi('2026-01-05T09:00:00.000Z');
    ids.length = 0;
    // Twelve accounts with different records (some with none at all), closed over ten weeks.
    for (let index = 0; index < 12; index += 1) {
      const account = await api.caller.account.create({
        name: `Account ${String(index).padStart(2, '0')}`,
        ownerId: api.ownerId,
      });
      ids.push(account.id);
    }
    let week = Date.parse('2026-01-05T09:00:00.000Z');
    for (let round = 0; round < 10; round += 1) {
      for (let index = 0; index < 9; index += 1) {
        const id = ids[index];
        if (id === undefined) continue;
        await promiseClosed(api, id, week + index * 3_600_000, (round * 7 + index * 3) % 5 !== 0);
      }
      week += 7 * DAY;
    }
  });
  afterEach(async () => {
    await api.close();
  });

  const snapshotAt = async (now: string) => {
    api.clock.now = now;
    await snapshotTrustScores({}, { db: api.db, now: () => now, newId: api.newId });
  };

  const ranking = (order: 'lowest' | 'highest', limit: number) =>
    api.adminCaller.trust.ranking({ scope: 'account', order, limit });

  const liveRanking = async (order: 'lowest' | 'highest', limit: number) => {
    const { settings } = await loadAnalyticsSettings(api.db);
    const now = api.clock.now;
    const prior = await companyPrior(api.db, settings, now);
    const ranked = await rankAllAccounts({ db: api.db, settings, prior, now, order, limit });
    return ranked.map((subject) => subject.id);
  };

  it('ranks as scoring every account live does, in both orders and at every cut', async () => {
    await snapshotAt('2026-03-20T10:00:00.000Z');
    api.clock.now = '2026-03-20T10:30:00.000Z';
    for (const order of ['lowest', 'highest'] as const) {
      for (const limit of [1, 3, 8, 12, 20]) {
        expect((await ranking(order, limit)).map((row) => row.id)).toEqual(
          await liveRanking(order, limit),
        );
      }
    }
    // Accounts with no closed promise stand at the prior, and are ranked too.
    expect((await ranking('lowest', 20)).map((row) => row.id).sort()).toEqual([...ids].sort());
  });

  it('moves an account that closed a promise after the snapshot, before the next one', async () => {
    await snapshotAt('2026-03-20T10:00:00.000Z');
    const best = (await ranking('highest', 1))[0];
    expect(best).toBeDefined();
    const before = (await ranking('lowest', 12)).find((row) => row.id === best?.id);
    // Three silent misses in a row, all closed after the snapshot was taken.
    for (let miss = 0; miss < 3; miss += 1) {
      await promiseClosed(api, best?.id ?? '', Date.parse('2026-03-20T11:00:00.000Z'), false);
    }
    api.clock.now = '2026-03-25T12:00:00.000Z';
    const after = await ranking('lowest', 12);
    const moved = after.find((row) => row.id === best?.id);
    expect(moved?.score).toBeLessThan(before?.score ?? 0);
    expect(moved?.outcomes).toBe((before?.outcomes ?? 0) + 3);
    expect(after.map((row) => row.id)).toEqual(await liveRanking('lowest', 12));
    expect((await ranking('highest', 1))[0]?.id).not.toBe(best?.id);
  });

  it('shows a fresh snapshot as it stands, and rescores every row once the worker falls behind', async () => {
    await snapshotAt('2026-03-20T10:00:00.000Z');
    const liveScore = async (accountId: string) =>
      (await api.adminCaller.trust.account({ accountId })).score;

    // Half an hour on, decay and the prior have moved the scores by far less than a point.
    api.clock.now = '2026-03-20T10:30:00.000Z';
    for (const row of (await ranking('lowest', 12)).slice(0, 3)) {
      const live = await liveScore(row.id);
      expect(row.score).toBeCloseTo(live.score, 1);
      expect(row.interval.low).toBeCloseTo(live.interval.low, 1);
    }

    // Six months on with no newer snapshot: the shown rows are scored now, exactly as the account page.
    api.clock.now = '2026-09-20T10:00:00.000Z';
    const stale = await ranking('lowest', 12);
    for (const row of stale.slice(0, 3)) {
      const live = await liveScore(row.id);
      expect(row.score).toBe(live.score);
      expect(row.interval).toEqual(live.interval);
    }
    expect(stale.map((row) => row.id)).toEqual(await liveRanking('lowest', 12));
  });
});
