import {
  insertUser,
  rebuildDashboardRollups,
  tallyOwnerEffort,
  tallyOwnerEffortFromDays,
} from '@steadfast/db';
import { defaultTouchpointRules, existingCustomerStages } from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../__tests__/rejections.ts';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();

/** A small deterministic generator, so a failure names the seed that found it. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

// "Where attention goes" reads owner_effort_days and account_last_touches.quiet_since, kept on
// write; these tests hold both to a recount from the promises and touchpoints themselves.
describe('portfolio attention reads rollups that equal a recount of the history', () => {
  let api: TestApi;
  const start = Date.parse('2026-01-05T09:00:00.000Z');
  beforeEach(async () => {
    api = await createTestApi(at(start));
  });
  afterEach(async () => {
    await api.close();
  });

  /** Accounts in every stage, two owners, promises and touchpoints over 200 days, some back-dated. */
  async function history(seed: number): Promise<{ end: number }> {
    const random = seeded(seed);
    const secondOwner = api.newId();
    await insertUser(api.db, {
      id: secondOwner,
      name: 'Bo Second',
      email: `bo-${seed}@example.com`,
      role: 'account_manager',
      createdAt: at(start),
    });
    const stages = ['prospect', 'onboarding', 'active', 'active', 'at_risk', 'churned'] as const;
    const accounts: string[] = [];
    for (let n = 0; n < 12; n += 1) {
      const stage = stages[n % stages.length] ?? 'active';
      const ownerId = n % 3 === 0 ? secondOwner : api.ownerId;
      const account = await api.adminCaller.account.create({
        name: `Account ${n}`,
        ownerId,
        stage,
      });
      accounts.push(account.id);
    }
    let now = start;
    for (let step = 0; step < 90; step += 1) {
      now += Math.floor(random() * 2.2 * DAY) + Math.floor(random() * 23) * HOUR;
      api.clock.now = at(now);
      // A few accounts get most of the attention; the last ones go quiet.
      const accountId = accounts[Math.floor(random() ** 2 * (accounts.length - 2))] ?? '';
      const backdated = random() < 0.3 ? Math.floor(random() * 20 * DAY) : 0;
      if (random() < 0.6) {
        const madeAt = at(now - backdated);
        const made = await api.adminCaller.promise.create({
          accountId,
          ownerId: random() < 0.5 ? api.ownerId : secondOwner,
          kind: 'callback',
          title: `Call ${step}`,
          madeAt,
          due: { kind: 'point', at: at(now + 3 * DAY) },
        });
        if (random() < 0.5) {
          await api.adminCaller.promise.recordEvent({
            promiseId: made.id,
            expectedVersion: 1,
            event: { type: 'fulfilled', completeness: 'full' },
          });
        }
      } else {
        await api.adminCaller.touchpoint.log({
          accountId,
          kind: 'referral',
          note: `Referral ${step}`,
          doneAt: at(now - backdated),
        });
      }
    }
    return { end: now };
  }

  /** The neglected accounts recounted from the promises, touchpoints and accounts themselves. */
  async function recountNeglected(now: string) {
    const accounts = await api.db
      .selectFrom('accounts')
      .select(['id', 'created_at', 'stage'])
      .where('stage', 'in', [...existingCustomerStages])
      .execute();
    const latest = async (accountId: string) => {
      const promise = await api.db
        .selectFrom('promises')
        .select((eb) => [eb.fn.max('made_at').as('made'), eb.fn.max('fulfilled_at').as('kept')])
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow();
      const touch = await api.db
        .selectFrom('touchpoints')
        .select((eb) => eb.fn.max('done_at').as('done'))
        .where('account_id', '=', accountId)
        .where('status', '=', 'done')
        .executeTakeFirstOrThrow();
      return [promise.made, promise.kept, touch.done]
        .filter((value): value is string => typeof value === 'string')
        .sort()
        .at(-1);
    };
    const neglected = [];
    for (const account of accounts) {
      const since = (await latest(account.id)) ?? account.created_at;
      const quietDays = Math.floor((Date.parse(now) - Date.parse(since)) / DAY);
      if (quietDays >= defaultTouchpointRules.neglectedAfterDays) {
        neglected.push({ accountId: account.id, since, quietDays });
      }
    }
    return neglected
      .sort((a, b) => a.since.localeCompare(b.since) || a.accountId.localeCompare(b.accountId))
      .map(({ accountId, quietDays }) => ({ accountId, quietDays }));
  }

  const byOwner = <T extends { ownerId: string }>(rows: T[]) =>
    [...rows].sort((a, b) => a.ownerId.localeCompare(b.ownerId));

  for (const seed of [1, 2, 3]) {
    it(`counts effort per owner from the daily rollup as from the promises and touchpoints (seed ${seed})`, async () => {
      const { end } = await history(seed);
      const random = seeded(seed * 7919);
      let compared = 0;
      for (let n = 0; n < 25; n += 1) {
        // Windows at any hour, a part day at each edge, some within one day.
        const to = end - Math.floor(random() * 60 * DAY) - Math.floor(random() * 24) * HOUR;
        const from = to - Math.floor(random() * 120 * DAY) - Math.floor(random() * 30) * HOUR;
        const window = { from: at(from), to: at(to) };
        const recounted = await tallyOwnerEffort(api.db, window);
        expect(byOwner(await tallyOwnerEffortFromDays(api.db, window))).toEqual(byOwner(recounted));
        compared += recounted.length;
      }
      expect(compared).toBeGreaterThan(10);
      // And the dashboard, at whole-day and part-day windows, against the recount.
      for (const days of [7, 30, 90]) {
        const attention = await api.adminCaller.portfolio.attention({ days });
        const recounted = await tallyOwnerEffort(api.db, attention.window);
        for (const manager of attention.managers) {
          const row = recounted.find((r) => r.ownerId === manager.managerId);
          expect(manager.prospect).toEqual(row?.prospect ?? { promises: 0, touchpoints: 0 });
          expect(manager.existing).toEqual(row?.existing ?? { promises: 0, touchpoints: 0 });
        }
      }
    });
  }

  it('names the longest-quiet accounts, their count and every page of them as a recount does', async () => {
    const { end } = await history(4);
    // Long enough after the last touch that some accounts are quiet and some are not.
    api.clock.now = at(end + 30 * DAY + 5 * HOUR);
    const expected = await recountNeglected(api.clock.now);
    expect(expected.length).toBeGreaterThan(2);

    const attention = await api.adminCaller.portfolio.attention({});
    expect(attention.neglectedCount).toBe(expected.length);
    expect(
      attention.neglected.map(({ accountId, quietDays }) => ({ accountId, quietDays })),
    ).toEqual(expected.slice(0, 20));

    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await api.adminCaller.portfolio.neglectedAccounts({ limit: 2, cursor });
      expect(page.total).toBe(expected.length);
      expect(page.accounts.length).toBeLessThanOrEqual(2);
      pages.push(...page.accounts);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(pages.map(({ accountId, quietDays }) => ({ accountId, quietDays }))).toEqual(expected);
    expect(pages.every((account) => account.ownerName !== 'nobody')).toBe(true);

    // A touchpoint logged for the quietest account (back-dated into the period) takes it off.
    const quietest = expected[0]?.accountId ?? '';
    await api.adminCaller.touchpoint.log({
      accountId: quietest,
      kind: 'referral',
      note: 'Called at last',
      doneAt: at(Date.parse(api.clock.now) - 3 * DAY),
    });
    const after = await api.adminCaller.portfolio.neglectedAccounts({ limit: 200 });
    expect(after.accounts.map(({ accountId, quietDays }) => ({ accountId, quietDays }))).toEqual(
      await recountNeglected(api.clock.now),
    );
    expect(after.accounts.some((account) => account.accountId === quietest)).toBe(false);
  });

  it('gives the same attention after the rollups are rebuilt from the history', async () => {
    const { end } = await history(5);
    api.clock.now = at(end + 50 * DAY + 13 * HOUR);
    const kept = await api.adminCaller.portfolio.attention({ days: 90 });
    const keptPage = await api.adminCaller.portfolio.neglectedAccounts({ limit: 200 });
    await rebuildDashboardRollups(api.db);
    expect(await api.adminCaller.portfolio.attention({ days: 90 })).toEqual(kept);
    expect(await api.adminCaller.portfolio.neglectedAccounts({ limit: 200 })).toEqual(keptPage);
  });

  it('refuses a forged cursor and a limit out of range, naming the field', async () => {
    const forged = await rejection(
      api.adminCaller.portfolio.neglectedAccounts({ cursor: 'not-a-cursor' }),
    );
    expect(forged.code).toBe('BAD_REQUEST');
    expect(forged.cause).toMatchObject({ field: 'cursor' });
    await expect(api.adminCaller.portfolio.neglectedAccounts({ limit: 0 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(api.caller.portfolio.neglectedAccounts({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
