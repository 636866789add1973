import { countObservationsByTerm, findAccount, listCurrentCharterVersions } from '@steadfast/db';
import {
  existingCustomerStages,
  serviceQualityGaps,
  standardBusinessCalendar,
} from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../__tests__/rejections.ts';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import { accountCharterCompliance } from '../analytics/account-charter-compliance.ts';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { rebuildObservationVerdicts } from '../analytics/observation-verdicts.ts';
import { judgedOneByOne, loadServiceGapFacts } from '../analytics/service-gap-facts.ts';
import { snapshotServiceGaps } from '../analytics/service-gaps-snapshot.ts';
import { scheduleObservationJudging } from '../background/judge-observations.job.ts';
import { runDueJobs } from '../background/worker.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Mornings only: a business day of 240 minutes instead of 480. */
const mornings = (() => {
  const calendar = standardBusinessCalendar('Europe/Berlin');
  const morning = [{ start: '09:00', end: '13:00' }];
  return {
    ...calendar,
    weeklyHours: {
      ...calendar.weeklyHours,
      monday: morning,
      tuesday: morning,
      wednesday: morning,
      thursday: morning,
      friday: morning,
    },
  };
})();

// The service gaps count the observations' stored verdicts; these tests hold the counts to the
// domain's judgement of the observations themselves (the account's compliance page) after
// observations posted out of order, charter versions changed and an account re-measured.
describe('service gaps count stored verdicts that equal a judgement of the observations', () => {
  let api: TestApi;
  const start = Date.parse('2026-03-02T08:00:00.000Z');
  beforeEach(async () => {
    api = await createTestApi(at(start));
  });
  afterEach(async () => {
    await api.close();
  });

  async function charteredAccounts(count: number) {
    const accounts = [];
    for (let n = 0; n < count; n += 1) {
      const account = await api.adminCaller.account.create({
        name: `Account ${n}`,
        ownerId: api.ownerId,
        stage: n % 4 === 3 ? 'at_risk' : 'active',
      });
      const charter = await api.adminCaller.charter.save({
        accountId: account.id,
        expectedVersion: 0,
        terms: [
          {
            metric: 'first_response_time',
            description: 'We reply within 4 business hours',
            target: { amount: 4, unit: 'business_hours' },
            threshold: 0.9,
          },
          {
            metric: 'resolution_time',
            description: 'Resolved within 2 business days',
            target: { amount: 2, unit: 'business_days' },
            threshold: 0.8,
          },
          {
            metric: 'custom',
            name: 'defects per release',
            description: 'At most 2 defects per release',
            quantityTarget: { atMost: 2, unit: 'defects per release' },
            threshold: 0.8,
          },
        ],
      });
      accounts.push({ id: account.id, charter });
    }
    return accounts;
  }

  /** Observations over 60 days, posted in shuffled batches (so out of order), some repeated. */
  async function observe(
    accounts: Awaited<ReturnType<typeof charteredAccounts>>,
    random: () => number,
    options: { from: number; to: number; count: number },
  ) {
    const rows = [];
    for (let n = 0; n < options.count; n += 1) {
      const account = accounts[Math.floor(random() * accounts.length)];
      if (account === undefined) continue;
      const terms = account.charter.current.terms;
      const term = terms[Math.floor(random() * terms.length)];
      if (term === undefined) continue;
      const occurredAt = at(options.from + Math.floor(random() * (options.to - options.from)));
      const reference = `ref-${Math.floor(random() * 1e9)}`;
      rows.push(
        term.quantityTarget !== null
          ? {
              accountId: account.id,
              termId: term.id,
              reference,
              occurredAt,
              quantity: Math.floor(random() * 4),
            }
          : {
              accountId: account.id,
              termId: term.id,
              reference,
              occurredAt,
              businessMinutes: Math.floor(random() * 1200),
            },
      );
    }
    // A few repeats of rows posted before: stored once.
    rows.push(...rows.slice(0, 5));
    for (let index = 0; index < rows.length; index += 40) {
      await api.adminCaller.charter.observeBatch({ observations: rows.slice(index, index + 40) });
    }
  }

  /** The facts' compliance and term counts, and the same judged from the observations themselves. */
  async function compare(window: { from: string; to: string }) {
    const { settings } = await loadAnalyticsSettings(api.db);
    const facts = await loadServiceGapFacts({ db: api.db, settings, now: window.to, window });
    const expected = [];
    for (const version of await listCurrentCharterVersions(api.db, {
      stages: existingCustomerStages,
    })) {
      const account = await findAccount(api.db, version.accountId);
      if (account === undefined) continue;
      const judged = await accountCharterCompliance({
        db: api.db,
        account,
        settings,
        now: window.to,
        ...window,
      });
      if (judged?.share != null) expected.push({ accountId: account.id, share: judged.share });
    }
    const byId = <T extends { accountId: string }>(rows: T[]) =>
      [...rows].sort((a, b) => a.accountId.localeCompare(b.accountId));
    expect(byId(facts.compliance.map(({ accountId, share }) => ({ accountId, share })))).toEqual(
      byId(expected),
    );
    const counted = await countObservationsByTerm(api.db, window);
    for (const term of facts.terms) {
      expect(term.observations).toBe(counted.get(term.termId) ?? 0);
    }
    return facts;
  }

  it('after observations out of order, a tightened term and a re-measured account', async () => {
    const random = seeded(11);
    const accounts = await charteredAccounts(6);
    api.clock.now = at(start + 60 * DAY);
    await observe(accounts, random, { from: start, to: start + 60 * DAY, count: 300 });

    // Tighten the first term of two accounts: later observations are held to 2 hours.
    api.clock.now = at(start + 61 * DAY + 3 * HOUR);
    for (const account of accounts.slice(0, 2)) {
      const saved = await api.adminCaller.charter.save({
        accountId: account.id,
        expectedVersion: 1,
        terms: account.charter.current.terms.map((term, n) =>
          n === 0 ? { ...term, target: { amount: 2, unit: 'business_hours' as const } } : term,
        ),
      });
      account.charter = saved;
    }
    // More observations, some back-dated to before the new version (held to the old term).
    api.clock.now = at(start + 90 * DAY);
    await observe(accounts, random, { from: start + 40 * DAY, to: start + 90 * DAY, count: 300 });

    const windows = [
      { from: at(start + 30 * DAY + 5 * HOUR), to: api.clock.now },
      { from: at(start + 55 * DAY), to: at(start + 70 * DAY + 7 * HOUR) },
      { from: at(start - 5 * DAY), to: api.clock.now },
    ];
    const before = [];
    for (const window of windows) before.push(await compare(window));
    expect(before[0]?.compliance.length).toBe(6);
    expect(new Set(before[0]?.compliance.map((entry) => entry.share.toFixed(6))).size).toBe(6);

    // A shorter business day for one account: "within 2 business days" is shorter, and the
    // re-measure job judges its observations again.
    const remeasured = accounts[2]?.id ?? '';
    await api.adminCaller.calendar.setAccount({ accountId: remeasured, calendar: mornings });
    const stale = await loadServiceGapFacts({
      db: api.db,
      settings: (await loadAnalyticsSettings(api.db)).settings,
      now: api.clock.now,
      window: windows[0] ?? { from: '', to: '' },
    });
    const context = { db: api.db, now: () => api.clock.now, newId: api.newId };
    await runDueJobs({ db: api.db, workerId: 'w1', context });
    const after = await compare(windows[0] ?? { from: '', to: '' });
    const shareOf = (facts: typeof after) =>
      facts.compliance.find((entry) => entry.accountId === remeasured)?.share;
    // The test would notice verdicts left as they were before the calendar changed.
    expect(shareOf(after)).toBeLessThan(shareOf(stale) ?? 0);
    for (const window of windows.slice(1)) await compare(window);
  });

  it('judges observations stored before verdicts were kept as before, and the rebuild fills them', async () => {
    const random = seeded(12);
    const accounts = await charteredAccounts(4);
    api.clock.now = at(start + 45 * DAY);
    await observe(accounts, random, { from: start, to: start + 45 * DAY, count: 200 });
    const window = { from: at(start + 3 * DAY + 2 * HOUR), to: api.clock.now };
    const kept = await compare(window);

    // As a store migrated from before verdicts: none judged.
    await api.db.updateTable('charter_observations').set({ verdict: null }).execute();
    expect(await compare(window)).toEqual(kept);
    // Half of them judged wrongly would show: the rebuild judges every one again.
    await api.db.updateTable('charter_observations').set({ verdict: 'within' }).execute();
    await rebuildObservationVerdicts(api.db);
    expect(await compare(window)).toEqual(kept);
    const unjudged = await api.db
      .selectFrom('charter_observations')
      .select('id')
      .where('verdict', 'is', null)
      .execute();
    expect(unjudged).toEqual([]);
  });

  it('judges a store with no verdicts all at once, as before, and the worker fills them in pages', async () => {
    const random = seeded(13);
    const accounts = await charteredAccounts(judgedOneByOne + 3);
    api.clock.now = at(start + 30 * DAY);
    await observe(accounts, random, { from: start, to: start + 30 * DAY, count: 250 });
    const window = { from: at(start + 2 * DAY + 7 * HOUR), to: api.clock.now };
    const kept = await compare(window);
    expect(kept.compliance.length).toBeGreaterThan(judgedOneByOne);

    await api.db.updateTable('charter_observations').set({ verdict: null }).execute();
    expect(await compare(window)).toEqual(kept);

    const context = { db: api.db, now: () => api.clock.now, newId: api.newId };
    expect(await scheduleObservationJudging({ db: api.db, now: api.clock.now })).toBe(true);
    await runDueJobs({ db: api.db, workerId: 'w1', context });
    expect(await compare(window)).toEqual(kept);
    const unjudged = await api.db
      .selectFrom('charter_observations')
      .select('id')
      .where('verdict', 'is', null)
      .execute();
    expect(unjudged).toEqual([]);
    expect(await scheduleObservationJudging({ db: api.db, now: api.clock.now })).toBe(false);
  });

  it('names the first 20 accounts of a gap with how many in all, and pages through every one', async () => {
    for (let n = 0; n < 27; n += 1) {
      await api.adminCaller.account.create({
        name: `Uncharted ${String(n).padStart(2, '0')}`,
        ownerId: api.ownerId,
        stage: 'active',
      });
    }
    await charteredAccounts(2);
    const { gaps } = await api.adminCaller.portfolio.serviceGaps({ days: 30 });
    const knowledge = gaps.find((gap) => gap.area === 'knowledge');
    // 27 without a charter, 2 whose charter lacks the client's own words.
    expect(knowledge?.accountCount).toBe(29);
    expect(knowledge?.accounts).toHaveLength(20);

    const { settings } = await loadAnalyticsSettings(api.db);
    const window = { from: at(Date.parse(api.clock.now) - 30 * DAY), to: api.clock.now };
    const facts = await loadServiceGapFacts({ db: api.db, settings, now: api.clock.now, window });
    const every = serviceQualityGaps(facts).find((gap) => gap.area === 'knowledge')?.accounts;
    expect(knowledge?.accounts).toEqual(every?.slice(0, 20));

    const paged = [];
    let cursor: string | undefined;
    do {
      const page = await api.adminCaller.portfolio.serviceGapAccounts({
        area: 'knowledge',
        days: 30,
        limit: 8,
        cursor,
      });
      expect(page.total).toBe(29);
      paged.push(...page.accounts);
      cursor = page.nextCursor ?? undefined;
      if (cursor !== undefined) {
        // A cursor belongs to its gap.
        const other = await rejection(
          api.adminCaller.portfolio.serviceGapAccounts({ area: 'standards', days: 30, cursor }),
        );
        expect(other.cause).toMatchObject({ field: 'cursor' });
      }
    } while (cursor !== undefined);
    expect(paged).toEqual(every);

    const forged = await rejection(
      api.adminCaller.portfolio.serviceGapAccounts({ area: 'knowledge', cursor: 'forged' }),
    );
    expect(forged.code).toBe('BAD_REQUEST');
    expect(forged.cause).toMatchObject({ field: 'cursor' });
    await expect(
      api.caller.portfolio.serviceGapAccounts({ area: 'knowledge' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
  it('answers the dashboard’s 90 days from the gaps the worker kept, equal to working them out, until they are two hours old', async () => {
    for (let n = 0; n < 25; n += 1) {
      await api.adminCaller.account.create({
        name: `Quiet ${String(n).padStart(2, '0')}`,
        ownerId: api.ownerId,
        stage: 'active',
      });
    }
    await charteredAccounts(3);
    const takenAt = api.clock.now;
    const live = await api.adminCaller.portfolio.serviceGaps({});
    expect(live.asOf).toBe(takenAt);
    await snapshotServiceGaps({}, { db: api.db, now: () => takenAt, newId: api.newId });

    // An hour on, with a new account since: the dashboard shows the kept gaps, as of the job.
    api.clock.now = at(Date.parse(takenAt) + HOUR);
    await api.adminCaller.account.create({
      name: 'Newcomer',
      ownerId: api.ownerId,
      stage: 'active',
    });
    const kept = await api.adminCaller.portfolio.serviceGaps({});
    expect(kept).toEqual(live);
    const keptPage = await api.adminCaller.portfolio.serviceGapAccounts({
      area: 'knowledge',
      limit: 200,
    });
    expect(keptPage).toMatchObject({ asOf: takenAt, total: 28 });
    expect(keptPage.accounts.slice(0, 20)).toEqual(
      live.gaps.find((gap) => gap.area === 'knowledge')?.accounts,
    );

    // Another window is worked out on the call, and sees the newcomer.
    const month = await api.adminCaller.portfolio.serviceGaps({ days: 30 });
    expect(month.asOf).toBe(api.clock.now);
    expect(month.gaps.find((gap) => gap.area === 'knowledge')?.accountCount).toBe(29);

    // Past two hours the kept gaps are stale: worked out anew, newcomer included.
    api.clock.now = at(Date.parse(takenAt) + 2 * HOUR + 1);
    const anew = await api.adminCaller.portfolio.serviceGaps({});
    expect(anew.asOf).toBe(api.clock.now);
    expect(anew.gaps.find((gap) => gap.area === 'knowledge')?.accountCount).toBe(29);
    const anewPage = await api.adminCaller.portfolio.serviceGapAccounts({ area: 'knowledge' });
    expect(anewPage).toMatchObject({ asOf: api.clock.now, total: 29 });
  });
});
