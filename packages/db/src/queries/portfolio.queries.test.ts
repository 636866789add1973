import type { Account } from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { now, seedOwnerAndAccount, testId } from '../__tests__/test-database.ts';
import type { PromiseTable } from '../schema/promise.table.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { insertAccount } from './account.queries.ts';
import { rebuildDashboardRollups } from './dashboard-rollups.queries.ts';
import { rebuildKindOutcomeDays } from './kind-outcome-days.queries.ts';
import {
  countAccountsInStages,
  countAccountTouches,
  countObservationsByTerm,
  lastAccountTouchAt,
  listChurnRiskMoments,
  listCurrentCharterVersions,
  listLastTouches,
  tallyKindOutcomes,
  tallyOwnerEffort,
  tallyProposedDates,
  tallyScoredSatisfaction,
} from './portfolio.queries.ts';

const year = { from: '2025-11-24T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' };

describe.each(databaseKinds)('portfolio aggregates on %s', (kind) => {
  let database: TestDatabase;
  let account: Account;
  let prospect: Account;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
    ({ account } = await seedOwnerAndAccount(database.db));
    prospect = {
      ...account,
      id: testId(),
      name: 'Prospect Ltd',
      stage: 'prospect',
      customerSince: null,
    };
    await insertAccount(database.db, prospect);
  });
  afterEach(async () => {
    await database.close();
  });

  /** A promise row as the projection holds it, closed as described. */
  async function promise(row: Partial<PromiseTable>) {
    await database.db
      .insertInto('promises')
      .values({
        id: testId(),
        account_id: account.id,
        contact_id: null,
        owner_id: account.ownerId,
        kind: 'delivery',
        title: 'Ship it',
        importance: 'normal',
        status: 'fulfilled',
        conditional: 0,
        made_at: '2026-10-01T09:00:00.000Z',
        clock_started_at: '2026-10-01T09:00:00.000Z',
        due_start: '2026-10-10T16:00:00.000Z',
        due_deadline: '2026-10-10T16:00:00.000Z',
        original_due_deadline: '2026-10-10T16:00:00.000Z',
        at_risk: 0,
        last_informed_at: null,
        renegotiation_count: 0,
        fulfilled_at: '2026-10-09T16:00:00.000Z',
        closed_at: '2026-10-09T16:00:00.000Z',
        source_type: 'manual',
        version: 2,
        updated_at: now,
        promised_minutes: 3000,
        fulfilled_minutes: 2500,
        closed_minutes: 2500,
        lateness_minutes: -480,
        ...row,
      })
      .execute();
    // Written straight into the tables, as a bulk load would: the dashboards' rollups are rebuilt.
    await rebuildDashboardRollups(database.db);
  }

  async function touchpoint(accountId: string, doneAt: string) {
    await database.db
      .insertInto('touchpoints')
      .values({
        id: testId(),
        account_id: accountId,
        owner_id: account.ownerId,
        kind: 'thank_you',
        origin: 'person',
        status: 'done',
        dedupe_key: `t:${testId()}`,
        promise_id: null,
        due_at: doneAt,
        reason: null,
        note: null,
        done_at: doneAt,
        done_by: account.ownerId,
        dismissed_at: null,
        dismiss_reason: null,
        created_at: doneAt,
        updated_at: doneAt,
        version: 1,
      })
      .execute();
    await rebuildDashboardRollups(database.db);
  }

  it('counts per kind the promises kept on time, kept after renegotiation, late, missed and announced slips', async () => {
    await promise({});
    await promise({ renegotiation_count: 1, last_informed_at: '2026-10-05T09:00:00.000Z' });
    await promise({ lateness_minutes: 120 });
    await promise({ lateness_minutes: 60, last_informed_at: '2026-10-08T09:00:00.000Z' });
    await promise({
      status: 'missed',
      lateness_minutes: null,
      fulfilled_at: null,
      last_informed_at: '2026-10-12T09:00:00.000Z',
    });
    await promise({ kind: 'callback' });
    await promise({ status: 'cancelled' });
    await promise({ closed_at: '2025-06-01T09:00:00.000Z' });

    // Rows written straight into the projection, as a bulk load would: its rollup is rebuilt.
    await rebuildKindOutcomeDays(database.db);
    const tallies = await tallyKindOutcomes(database.db, year);

    expect(tallies.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      {
        kind: 'callback',
        keptOnTime: 1,
        keptRenegotiated: 0,
        late: 0,
        missed: 0,
        announcedSlips: 0,
      },
      // The miss was told of after its deadline: not announced.
      {
        kind: 'delivery',
        keptOnTime: 1,
        keptRenegotiated: 1,
        late: 2,
        missed: 1,
        announcedSlips: 2,
      },
    ]);
  });

  it('splits each owner’s promises and touchpoints in the window between prospects and clients', async () => {
    await promise({});
    await promise({ account_id: prospect.id });
    await promise({ account_id: prospect.id, made_at: '2026-11-01T09:00:00.000Z' });
    await promise({ account_id: prospect.id, made_at: '2024-01-01T09:00:00.000Z' });
    await touchpoint(account.id, '2026-11-02T09:00:00.000Z');

    expect(await tallyOwnerEffort(database.db, year)).toEqual([
      {
        ownerId: account.ownerId,
        prospect: { promises: 2, touchpoints: 0 },
        existing: { promises: 1, touchpoints: 1 },
      },
    ]);
  });

  it('finds each served account’s latest promise or touchpoint since a date, or none', async () => {
    await promise({ made_at: '2026-09-01T09:00:00.000Z' });
    await touchpoint(account.id, '2026-10-15T09:00:00.000Z');
    await promise({ account_id: prospect.id, made_at: '2026-11-20T09:00:00.000Z' });

    const touches = await listLastTouches(database.db, {
      stages: ['active'],
      since: '2026-01-01T00:00:00.000Z',
    });
    expect(touches).toEqual([
      {
        accountId: account.id,
        accountName: 'Northwind',
        ownerId: account.ownerId,
        createdAt: account.createdAt,
        lastTouchAt: '2026-10-15T09:00:00.000Z',
      },
    ]);
    const later = await listLastTouches(database.db, {
      stages: ['active'],
      since: '2026-11-01T00:00:00.000Z',
    });
    expect(later[0]?.lastTouchAt).toBeNull();
    // Over the whole record: the touchpoint, or a fulfilment after it.
    expect(await lastAccountTouchAt(database.db, account.id)).toBe('2026-10-15T09:00:00.000Z');
    await promise({
      made_at: '2026-10-01T09:00:00.000Z',
      fulfilled_at: '2026-10-20T09:00:00.000Z',
    });
    expect(await lastAccountTouchAt(database.db, account.id)).toBe('2026-10-20T09:00:00.000Z');
    expect(await lastAccountTouchAt(database.db, prospect.id)).toBe('2026-11-20T09:00:00.000Z');
  });

  it('dates a churn risk at the first poor score in the window and counts touches around it', async () => {
    for (const [receivedAt, score] of [
      ['2026-09-01T09:00:00.000Z', 0.9],
      ['2026-10-01T09:00:00.000Z', 0.2],
      ['2026-10-20T09:00:00.000Z', 0.3],
    ] as const) {
      await database.db
        .insertInto('satisfaction_signals')
        .values({
          id: testId(),
          account_id: account.id,
          score_value: score * 10,
          score_min: 0,
          score_max: 10,
          normalised_score: score,
          words: null,
          source: 'survey',
          received_at: receivedAt,
          recorded_at: receivedAt,
          recorded_by: null,
        })
        .execute();
    }
    const risks = await listChurnRiskMoments(database.db, { ...year, atMost: 0.4 });
    expect(risks).toEqual([
      {
        accountId: account.id,
        accountName: 'Northwind',
        ownerId: account.ownerId,
        riskAt: '2026-10-01T09:00:00.000Z',
      },
    ]);

    await promise({ made_at: '2026-10-02T09:00:00.000Z' });
    await touchpoint(account.id, '2026-10-03T09:00:00.000Z');
    await promise({ made_at: '2026-09-02T09:00:00.000Z' });
    const after = await countAccountTouches(database.db, {
      accountId: account.id,
      from: '2026-10-01T09:00:00.000Z',
      to: '2026-10-31T09:00:00.000Z',
    });
    expect(after).toBe(2);
  });

  it('reads the current charter version of served accounts and counts observations per term in a window', async () => {
    const term = (id: string, statement: string | null) => ({
      id,
      metric: 'first_response_time',
      name: null,
      description: 'We reply within 4 business hours',
      target: { amount: 4, unit: 'business_hours' },
      quantityTarget: null,
      threshold: 0.95,
      calendar: null,
      clientExpectation:
        statement === null ? null : { statement, target: null, quantityTarget: null },
      negotiation: null,
    });
    await database.db
      .insertInto('charters')
      .values({
        account_id: account.id,
        current_version: 2,
        created_at: now,
        last_reviewed_at: null,
        next_review_at: now,
        updated_at: now,
      })
      .execute();
    for (const [version, statement] of [
      [1, null],
      [2, 'Within the hour'],
    ] as const) {
      await database.db
        .insertInto('charter_versions')
        .values({
          account_id: account.id,
          version,
          terms: JSON.stringify([term(`term-${version}`, statement)]),
          review_every_months: 6,
          change_note: null,
          created_at: now,
          created_by: null,
        })
        .execute();
    }
    const versions = await listCurrentCharterVersions(database.db, { stages: ['active'] });
    expect(
      versions.map((v) => [v.accountName, v.version, v.terms[0]?.clientExpectation?.statement]),
    ).toEqual([['Northwind', 2, 'Within the hour']]);
    expect(await listCurrentCharterVersions(database.db, { stages: ['prospect'] })).toEqual([]);
    expect(await countAccountsInStages(database.db, ['active', 'onboarding'])).toBe(1);

    for (const [termId, occurredAt] of [
      ['term-2', '2026-11-01T09:00:00.000Z'],
      ['term-2', '2026-11-02T09:00:00.000Z'],
      ['term-2', '2025-01-01T09:00:00.000Z'],
    ] as const) {
      await database.db
        .insertInto('charter_observations')
        .values({
          id: testId(),
          account_id: account.id,
          term_id: termId,
          charter_version: 2,
          reference: null,
          occurred_at: occurredAt,
          started_at: null,
          ended_at: null,
          business_minutes: 60,
          quantity: null,
          note: null,
          recorded_at: occurredAt,
          recorded_by: null,
        })
        .execute();
    }
    const counted = await countObservationsByTerm(database.db, year);
    expect([...counted.entries()]).toEqual([['term-2', 2]]);
  });

  it('counts the proposed dates shown at capture with under an even chance, and sums satisfaction', async () => {
    for (const chosenDate of [
      { proposedMinutes: 600, chance: 0.3 },
      { proposedMinutes: 900, chance: 0.8 },
      null,
    ]) {
      await database.db
        .insertInto('forecasts')
        .values({
          id: testId(),
          type: 'calibration',
          promise_id: testId(),
          kind: 'delivery',
          account_id: account.id,
          owner_id: account.ownerId,
          made_at: '2026-11-01T09:00:00.000Z',
          body: JSON.stringify({ chosenDate }),
        })
        .execute();
    }
    expect(await tallyProposedDates(database.db, { ...year, sample: 100 })).toEqual({
      proposed: 2,
      tighterThanRecord: 1,
    });
    for (const score of [0.5, 1, null]) {
      await database.db
        .insertInto('satisfaction_signals')
        .values({
          id: testId(),
          account_id: account.id,
          score_value: score,
          score_min: score === null ? null : 0,
          score_max: score === null ? null : 1,
          normalised_score: score,
          words: score === null ? 'Slow again.' : null,
          source: 'survey',
          received_at: '2026-11-01T09:00:00.000Z',
          recorded_at: '2026-11-01T09:00:00.000Z',
          recorded_by: null,
        })
        .execute();
    }
    expect(await tallyScoredSatisfaction(database.db, year)).toEqual({
      scored: 2,
      normalisedSum: 1.5,
    });
  });
});
