import {
  type ReportFrictionInput,
  rankFrictionByPolicy,
  reportFriction,
  reportFrictionInputSchema,
} from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { now, seedOwnerAndAccount, testId } from '../__tests__/test-database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import {
  insertFrictionReport,
  listFrictionReports,
  tallyFriction,
} from './friction-report.queries.ts';

describe.each(databaseKinds)('friction reports on %s', (kind) => {
  let database: TestDatabase;
  let accountId: string;
  let reporterId: string;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
    const { owner, account } = await seedOwnerAndAccount(database.db);
    accountId = account.id;
    reporterId = owner.id;
  });
  afterEach(async () => {
    await database.close();
  });

  async function report(input: Partial<ReportFrictionInput> & Pick<ReportFrictionInput, 'policy'>) {
    const command = reportFrictionInputSchema.parse({
      whatHappened: 'The customer had to wait.',
      impact: 'low',
      reportedById: reporterId,
      occurredAt: '2026-11-20T10:00:00Z',
      ...input,
    });
    const stored = reportFriction(command, { reportId: testId(), now });
    await insertFrictionReport(database.db, stored);
    return stored;
  }

  it('stores a report and lists it back as it was, most recent first', async () => {
    const older = await report({ policy: 'Invoice only by post', accountId });
    const newer = await report({
      policy: 'Prepayment for new customers',
      impact: 'critical',
      cost: { amount: 1250.5, currency: 'EUR' },
      occurredAt: '2026-11-23T10:00:00Z',
    });

    expect(await listFrictionReports(database.db, { limit: 10 })).toEqual([newer, older]);
    expect(await listFrictionReports(database.db, { accountId, limit: 10 })).toEqual([older]);
  });

  it('ranks policies by reports × impact weight, with costs per currency', async () => {
    for (let n = 0; n < 5; n += 1) await report({ policy: 'Invoice only by post' });
    await report({ policy: 'Prepayment for new customers', impact: 'critical' });
    await report({
      policy: 'prepayment for  new customers',
      impact: 'high',
      cost: { amount: 900, currency: 'EUR' },
    });
    await report({
      policy: 'Prepayment for new customers',
      impact: 'low',
      cost: { amount: 100.25, currency: 'EUR' },
      occurredAt: '2026-11-22T10:00:00Z',
    });
    await report({
      policy: 'Returns need the original packaging',
      impact: 'medium',
      cost: { amount: 40, currency: 'USD' },
    });

    const { tallies, costs } = await tallyFriction(database.db, {});
    const ranked = rankFrictionByPolicy(tallies, costs);

    expect(ranked.map((policy) => [policy.policyKey, policy.impactScore, policy.reports])).toEqual([
      ['prepayment for new customers', 27 + 9 + 1, 3],
      ['invoice only by post', 5, 5],
      ['returns need the original packaging', 3, 1],
    ]);
    expect(ranked[0]).toMatchObject({
      policy: 'Prepayment for new customers',
      reportsByImpact: { low: 1, medium: 0, high: 1, critical: 1 },
      costs: [{ currency: 'EUR', total: 1000.25, reports: 2 }],
      lastOccurredAt: '2026-11-22T10:00:00.000Z',
    });
    expect(ranked[2]?.costs).toEqual([
      {
        policyKey: 'returns need the original packaging',
        currency: 'USD',
        total: 40,
        reports: 1,
      },
    ]);
  });

  it('tallies only the reports in the period asked for', async () => {
    await report({ policy: 'Old policy', impact: 'critical', occurredAt: '2026-10-01T10:00:00Z' });
    await report({ policy: 'Current policy', occurredAt: '2026-11-20T10:00:00Z' });

    const { tallies } = await tallyFriction(database.db, {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-30T00:00:00.000Z',
    });

    expect(tallies.map((tally) => tally.policy)).toEqual(['Current policy']);
  });
});
