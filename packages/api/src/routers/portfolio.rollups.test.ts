import {
  companyScope,
  findTrustEvidence,
  listTrustContributionsSince,
  listTrustHistory,
  migrateToLatest,
  rebuildDashboardRollups,
  upsertTrustHistory,
} from '@steadfast/db';
import { endOfDay, evidenceWithout } from '@steadfast/domain';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { loadServiceGapFacts } from '../analytics/service-gap-facts.ts';
import { scoreOf, startingReliability } from '../analytics/trust-scores.ts';
import { snapshotTrustScores } from '../background/trust-snapshot.job.ts';

const DAY = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

// The dashboards read rollups kept on write; these tests hold them to what a recount of the base
// rows (every promise, every contribution) gives after a sequence of writes.
describe('portfolio dashboards read rollups that equal a recount of the history', () => {
  let api: TestApi;
  let accountId: string;
  beforeEach(async () => {
    api = await createTestApi('2026-05-03T09:00:00.000Z');
    accountId = (
      await api.caller.account.create({ name: 'Northwind', ownerId: api.ownerId, stage: 'active' })
    ).id;
  });
  afterEach(async () => {
    await api.close();
  });

  /** Six months of promises: made, some renegotiated or announced, kept, late or missed. */
  async function history() {
    for (let n = 0; n < 36; n += 1) {
      const start = Date.parse(api.clock.now);
      const made = await api.caller.promise.create({
        accountId,
        ownerId: api.ownerId,
        kind: n % 3 === 0 ? 'callback' : 'delivery',
        title: `Promise ${n}`,
        due: { kind: 'point', at: at(start + 4 * DAY) },
      });
      let version = 1;
      if (n % 4 === 1) {
        await api.caller.promise.recordEvent({
          promiseId: made.id,
          expectedVersion: version,
          event: { type: 'customer_informed', channel: 'email', apologised: true },
        });
        version += 1;
      }
      if (n % 5 === 2) {
        await api.caller.promise.recordEvent({
          promiseId: made.id,
          expectedVersion: version,
          event: {
            type: 'renegotiated',
            newDue: { kind: 'point', at: at(start + 8 * DAY) },
            reason: 'Parts are late',
          },
        });
        version += 1;
      }
      api.clock.now = at(start + (1 + (n % 7)) * DAY);
      await api.caller.promise.recordEvent({
        promiseId: made.id,
        expectedVersion: version,
        event: n % 6 === 5 ? { type: 'missed' } : { type: 'fulfilled', completeness: 'full' },
      });
      api.clock.now = at(start + 5 * DAY + 7 * 3_600_000);
    }
  }

  it('draws the monthly trend as the scope’s evidence less each closing after a month-end would', async () => {
    await history();
    const { points } = await api.adminCaller.portfolio.trend({ months: 6 });

    const { settings } = await loadAnalyticsSettings(api.db);
    const stored = await findTrustEvidence(api.db, companyScope);
    if (stored === undefined) throw new Error('the history closed no promise');
    const reconstructed = points.filter((point) => point.source === 'reconstructed');
    expect(reconstructed.length).toBeGreaterThanOrEqual(4);
    for (const point of reconstructed) {
      const after = await listTrustContributionsSince(api.db, companyScope, endOfDay(point.day));
      const evidence = evidenceWithout(
        stored,
        after.map((closing) => closing.evidence),
      );
      const score = scoreOf(evidence, {
        prior: { typicalReliability: startingReliability },
        settings,
        now: endOfDay(point.day),
      });
      expect(point.score).toBeCloseTo(score.score, 9);
      expect(point.low).toBeCloseTo(score.interval.low, 9);
      expect(point.high).toBeCloseTo(score.interval.high, 9);
    }
    // The months differ: the test would notice a trend drawn from the wrong closings.
    expect(new Set(reconstructed.map((point) => point.score.toFixed(6))).size).toBeGreaterThan(1);
  });

  it('reads the month-ends the worker reconstructed and kept, equal to reconstructing them on the read', async () => {
    await history();
    const live = await api.adminCaller.portfolio.trend({ months: 12 });
    // A score taken on a month-end day is kept as it was: a reconstruction never replaces it.
    const taken = live.points.find((point) => point.source === 'reconstructed');
    if (taken === undefined) throw new Error('no month-end before the history');
    await upsertTrustHistory(api.db, companyScope, { ...taken, score: 12.5, low: 10, high: 15 });

    const now = api.clock.now;
    await snapshotTrustScores({}, { db: api.db, now: () => now, newId: api.newId });
    const kept = await listTrustHistory(api.db, companyScope, {
      fromDay: '2024-01-01',
      toDay: now.slice(0, 10),
    });
    // 23 month-ends of the longest trend and today's snapshot.
    expect(kept).toHaveLength(24);
    expect(kept.filter((point) => point.reconstructed)).toHaveLength(22);
    expect(kept.find((point) => point.day === taken.day)).toMatchObject({
      score: 12.5,
      reconstructed: false,
    });

    const read = await api.adminCaller.portfolio.trend({ months: 12 });
    for (const [index, point] of read.points.entries()) {
      const before = live.points[index];
      if (point.day === taken.day) {
        expect(point).toMatchObject({ score: 12.5, source: 'snapshot' });
        continue;
      }
      expect(point.day).toBe(before?.day);
      expect(point.source).toBe(before?.source);
      expect(point.score).toBeCloseTo(before?.score ?? Number.NaN, 9);
      expect(point.low).toBeCloseTo(before?.low ?? Number.NaN, 9);
    }
  });

  it('ranks the kinds that slip the same from the rollup as from a recount after a rebuild', async () => {
    await history();
    for (const days of [7, 30, 90, 365]) {
      const kept = await api.adminCaller.portfolio.kindSlips({ days });
      await rebuildDashboardRollups(api.db);
      const recounted = await api.adminCaller.portfolio.kindSlips({ days });
      expect(kept).toEqual(recounted);
    }
    const { kinds } = await api.adminCaller.portfolio.kindSlips({ days: 365 });
    const delivery = kinds.find((tally) => tally.kind === 'delivery');
    expect(delivery?.missed).toBeGreaterThan(0);
    expect(
      (delivery?.keptOnTime ?? 0) + (delivery?.late ?? 0) + (delivery?.keptRenegotiated ?? 0),
    ).toBeGreaterThan(0);
  });

  it('judges every served account’s charter over the window as the account’s own compliance page does', async () => {
    const term = (amount: number) => ({
      metric: 'first_response_time' as const,
      description: `We reply within ${amount} business hours`,
      target: { amount, unit: 'business_hours' as const },
      threshold: 0.9,
    });
    const accounts: string[] = [accountId];
    for (const name of ['Contoso', 'Fabrikam']) {
      accounts.push(
        (await api.caller.account.create({ name, ownerId: api.ownerId, stage: 'active' })).id,
      );
    }
    const charters = [];
    for (const id of accounts) {
      charters.push(
        await api.caller.charter.save({
          accountId: id,
          expectedVersion: 0,
          terms: [term(4), term(8)],
        }),
      );
    }
    api.clock.now = at(Date.parse(api.clock.now) + 20 * DAY);
    for (const [index, id] of accounts.entries()) {
      const first = charters[index];
      if (first === undefined) throw new Error('every account has a charter');
      const termIds = first.current.terms.map((t) => t.id);
      const observe = (minutes: number, days: number) =>
        termIds.map((termId, n) => ({
          accountId: id,
          termId,
          businessMinutes: minutes + 60 * n * index,
          occurredAt: at(Date.parse(api.clock.now) - days * DAY),
        }));
      await api.caller.charter.observeBatch({
        observations: [
          ...observe(200, 1),
          ...observe(300, 2),
          ...observe(100, 3),
          ...observe(500, 15),
          // Each account a different number of slow replies.
          ...Array.from({ length: index }, () => observe(900, 2)).flat(),
        ],
      });
      if (index === 1) {
        // A tightened term: later observations are held to 2 hours, earlier ones to 4.
        await api.caller.charter.save({
          accountId: id,
          expectedVersion: 1,
          terms: first.current.terms.map((t, n) =>
            n === 0 ? { ...t, target: { amount: 2, unit: 'business_hours' as const } } : t,
          ),
        });
        api.clock.now = at(Date.parse(api.clock.now) + 1 * DAY);
        await api.caller.charter.observeBatch({ observations: observe(150, 0) });
      }
    }
    const now = api.clock.now;
    const window = { from: at(Date.parse(now) - 10 * DAY), to: now };
    const { settings } = await loadAnalyticsSettings(api.db);

    const facts = await loadServiceGapFacts({ db: api.db, settings, now, window });

    const expected = [];
    for (const id of accounts) {
      const page = await api.adminCaller.charter.compliance({ accountId: id, ...window });
      if (page.share !== null) expected.push([id, page.share]);
    }
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(new Set(expected.map(([, share]) => share)).size).toBeGreaterThan(1);
    expect(
      facts.compliance
        .map((entry) => [entry.accountId, entry.share])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual(expected.sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  });

  it('backfills the rollups in their migrations from the rows already stored, as the write path keeps them', async () => {
    await history();
    const read = async () => ({
      kinds: await api.db
        .selectFrom('kind_outcome_days')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('kept_on_time', '<>', 0),
            eb('kept_renegotiated', '<>', 0),
            eb('late', '<>', 0),
            eb('missed', '<>', 0),
          ]),
        )
        .orderBy('day')
        .orderBy('kind')
        .execute(),
      touches: await api.db
        .selectFrom('account_last_touches')
        .selectAll()
        .orderBy('account_id')
        .execute(),
      effort: await api.db
        .selectFrom('owner_effort_days')
        .selectAll()
        .orderBy('day')
        .orderBy('owner_id')
        .orderBy('stage_bucket')
        .execute(),
      trust: await api.db
        .selectFrom('trust_contribution_days')
        .selectAll()
        .orderBy('scope_type')
        .orderBy('scope_id')
        .orderBy('day')
        .execute(),
    });
    const kept = await read();
    expect(kept.kinds.length).toBeGreaterThan(3);
    expect(kept.trust.length).toBeGreaterThan(3);

    // The store as it was before the dashboards' migrations, history and all.
    const ours = [
      '2026-11-24T210000_kind_outcome_days',
      '2026-11-24T211000_trust_contribution_days',
      '2026-11-24T212000_observations_occurred',
      '2026-11-24T213000_promises_at_risk',
      '2026-11-24T214000_account_last_touches',
      '2026-11-24T215000_promises_closed_outcome',
      '2026-11-24T220000_trust_ranking_snapshot',
      '2026-11-24T221000_attention_rollups',
      '2026-11-24T222000_observation_verdicts',
      '2026-11-24T223000_trust_history_reconstructed',
      '2026-11-24T224000_service_gap_snapshots',
      '2026-11-24T225000_attention_covering',
      '2026-11-24T226000_quiet_accounts_stage',
    ];
    await api.db.schema.dropIndex('account_last_touches_stage_quiet').execute();
    await api.db.schema.alterTable('account_last_touches').dropColumn('stage').execute();
    await api.db.schema.dropIndex('accounts_id_stage').execute();
    await api.db.schema.dropIndex('owner_effort_days_covering').execute();
    await api.db.schema.dropTable('service_gap_snapshots').execute();
    await api.db.schema.alterTable('trust_history').dropColumn('reconstructed').execute();
    await api.db.schema.dropIndex('charter_observations_verdicts').execute();
    await api.db.schema.alterTable('charter_observations').dropColumn('verdict').execute();
    await api.db.schema.dropTable('owner_effort_days').execute();
    await api.db.schema.dropTable('trust_snapshots').execute();
    await api.db.schema.dropIndex('trust_history_ranking').execute();
    await api.db.schema.dropIndex('trust_contributions_type_closed').execute();
    await api.db.schema.dropTable('kind_outcome_days').execute();
    await api.db.schema.dropTable('trust_contribution_days').execute();
    await api.db.schema.dropIndex('charter_observations_occurred').execute();
    await api.db.schema.dropIndex('promises_at_risk_due').execute();
    await api.db.schema.dropIndex('promises_made_account_owner').execute();
    await api.db.schema.dropTable('account_last_touches').execute();
    await api.db.schema.dropIndex('promises_closed_outcome').execute();
    await api.db.schema.createIndex('promises_closed').on('promises').column('closed_at').execute();
    await sql`delete from kysely_migration where name in (${sql.join(ours)})`.execute(api.db);

    expect(await migrateToLatest(api.db)).toEqual(ours);
    const backfilled = await read();
    expect(backfilled.kinds).toEqual(kept.kinds);
    expect(backfilled.touches).toEqual(kept.touches);
    expect(backfilled.effort).toEqual(kept.effort);
    expect(kept.effort.length).toBeGreaterThan(3);
    expect(kept.touches[0]?.quiet_since).toEqual(expect.any(String));
    expect(kept.touches[0]?.promise_fulfilled_at).toEqual(expect.any(String));
    expect(backfilled.trust.length).toBe(kept.trust.length);
    for (const [index, row] of backfilled.trust.entries()) {
      for (const [column, value] of Object.entries(row)) {
        const before = (kept.trust[index] as Record<string, unknown> | undefined)?.[column];
        if (typeof value === 'number') expect(value).toBeCloseTo(Number(before), 9);
        else expect(value).toBe(before);
      }
    }
  });
});
