import { emptyEvidence, evidenceAnchor, type TrustEvidence } from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { testId } from '../__tests__/test-database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import {
  listTrustContributionDaysAfter,
  rebuildTrustContributionDays,
} from './trust-contribution-days.queries.ts';
import { companyScope, type TrustScopeRef } from './trust-evidence.queries.ts';
import {
  clearTrustContributions,
  insertTrustContribution,
  listTrustContributionsSince,
} from './trust-history.queries.ts';

/** A contribution whose sums are all different, so a swapped or dropped column shows. */
function contribution(seed: number): TrustEvidence {
  const evidence = emptyEvidence();
  return {
    ...evidence,
    asOf: evidenceAnchor,
    positive: 1.25 * seed,
    negative: 0.5 + seed / 7,
    deliveredWeight: seed / 3,
    latenessSum: -seed * 11.5,
    latenessSquaredSum: seed * seed * 3.1,
    announcedSlipWeight: seed % 2,
    silentSlipWeight: (seed + 1) % 2,
    announcedSlips: seed % 3,
    slips: 1,
    outcomes: 1,
    counts: { ...evidence.counts, on_time: seed % 2, late: (seed + 1) % 2, missed: seed % 5 },
  };
}

describe.each(databaseKinds)('daily trust contribution sums on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
  });
  afterEach(async () => {
    await database.close();
  });

  async function stored() {
    const rows = await database.db
      .selectFrom('trust_contribution_days')
      .selectAll()
      .orderBy('scope_type')
      .orderBy('scope_id')
      .orderBy('day')
      .execute();
    return rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [
          column,
          typeof value === 'string' && !['scope_type', 'scope_id', 'day'].includes(column)
            ? Number(value)
            : value,
        ]),
      ),
    );
  }

  it('kept on write equals the contributions summed per scope and day of closing', async () => {
    const account: TrustScopeRef = { type: 'account', id: testId() };
    const closings = [
      '2026-09-30T23:59:59.999Z',
      '2026-09-30T08:00:00.000Z',
      '2026-10-01T00:00:00.000Z',
      '2026-10-15T12:00:00.000Z',
      '2026-10-15T13:00:00.000Z',
      '2026-11-20T09:00:00.000Z',
    ];
    for (const [index, closedAt] of closings.entries()) {
      for (const scope of index % 2 === 0 ? [account, companyScope] : [companyScope]) {
        await insertTrustContribution(database.db, {
          scope,
          promiseId: testId(),
          closedAt,
          outcomeKind: 'on_time',
          evidence: contribution(index + 1),
        });
      }
    }

    const days = await listTrustContributionDaysAfter(database.db, companyScope, '2026-09-30');
    const each = await listTrustContributionsSince(
      database.db,
      companyScope,
      '2026-09-30T23:59:59.999Z',
    );
    expect(days.map((d) => d.day)).toEqual(['2026-10-01', '2026-10-15', '2026-11-20']);
    expect(each).toHaveLength(4);
    const summed = (list: { evidence: TrustEvidence }[], pick: (e: TrustEvidence) => number) =>
      list.reduce((total, item) => total + pick(item.evidence), 0);
    for (const pick of [
      (e: TrustEvidence) => e.positive,
      (e: TrustEvidence) => e.latenessSquaredSum,
      (e: TrustEvidence) => e.counts.missed,
    ]) {
      expect(summed(days, pick)).toBeCloseTo(summed(each, pick), 9);
    }

    const kept = await stored();
    // The company on four days, the account on three (every other closing).
    expect(kept).toHaveLength(4 + 3);
    await rebuildTrustContributionDays(database.db);
    const rebuilt = await stored();
    expect(rebuilt).toHaveLength(kept.length);
    for (const [index, row] of rebuilt.entries()) {
      for (const [column, value] of Object.entries(row)) {
        const keptValue = kept[index]?.[column];
        if (typeof value === 'number') expect(value).toBeCloseTo(Number(keptValue), 9);
        else expect(value).toBe(keptValue);
      }
    }

    await clearTrustContributions(database.db);
    expect(await stored()).toEqual([]);
  });
});
