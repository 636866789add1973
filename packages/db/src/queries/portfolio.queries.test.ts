import type { Account } from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { now, seedOwnerAndAccount, testId } from '../__tests__/test-database.ts';
import type { PromiseTable } from '../schema/promise.table.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { insertAccount } from './account.queries.ts';
import {
  countAccountTouches,
  listChurnRiskMoments,
  listLastTouches,
  tallyKindOutcomes,
  tallyOwnerEffort,
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
});
