import { describe, expect, it } from 'vitest';
import { effortByManager, neglectedAccounts, serviceAfterChurnRisk } from './attention.ts';

describe('effortByManager', () => {
  it('flags a manager who spends most effort on prospects, most prospect-heavy first', () => {
    const ranked = effortByManager([
      {
        managerId: 'm1',
        managerName: 'Maria',
        prospect: { promises: 1, touchpoints: 0 },
        existing: { promises: 8, touchpoints: 1 },
      },
      {
        managerId: 'm2',
        managerName: 'Jonas',
        prospect: { promises: 5, touchpoints: 1 },
        existing: { promises: 3, touchpoints: 1 },
      },
    ]);
    expect(
      ranked.map((manager) => [manager.managerId, manager.prospectShare, manager.chasingNew]),
    ).toEqual([
      ['m2', 0.6, true],
      ['m1', 0.1, false],
    ]);
    expect(ranked[0]?.words).toBe('Jonas spent 60% of their effort on prospects (6 of 10).');
  });

  it('gives no share to a manager who did nothing', () => {
    const [idle] = effortByManager([
      {
        managerId: 'm3',
        managerName: 'Tom',
        prospect: { promises: 0, touchpoints: 0 },
        existing: { promises: 0, touchpoints: 0 },
      },
    ]);
    expect(idle?.prospectShare).toBeNull();
    expect(idle?.chasingNew).toBe(false);
  });
});

describe('neglectedAccounts', () => {
  const now = '2026-11-24T10:00:00.000Z';
  const account = (accountId: string, lastTouchAt: string | null) => ({
    accountId,
    accountName: accountId,
    ownerId: 'm1',
    createdAt: '2025-01-01T00:00:00.000Z',
    lastTouchAt,
  });

  it('lists accounts quiet for at least the neglect period, the longest quiet first', () => {
    const found = neglectedAccounts({
      accounts: [
        account('recent', '2026-11-01T10:00:00.000Z'),
        account('edge', '2026-10-10T10:00:00.000Z'),
        account('silent', null),
      ],
      now,
      neglectedAfterDays: 45,
    });
    expect(found.map((neglected) => [neglected.accountId, neglected.quietDays])).toEqual([
      ['silent', 692],
      ['edge', 45],
    ]);
  });
});

describe('serviceAfterChurnRisk', () => {
  const facts = (before: number, after: number) => ({
    accountId: `a-${before}-${after}`,
    accountName: 'Acme',
    ownerId: 'm1',
    riskAt: '2026-10-01T00:00:00.000Z',
    before,
    after,
  });

  it('finds service that at least doubles only after the churn risk appeared', () => {
    const spikes = serviceAfterChurnRisk({
      accounts: [facts(3, 6), facts(3, 5), facts(0, 2)],
      beforeDays: 90,
      afterDays: 30,
    });
    // 3 in 90 days is 1 per 30; 6 in 30 days is a spike, 5 is too (≥ 2×), 2 touches are too few.
    expect(spikes.map((spike) => spike.accountId)).toEqual(['a-3-6', 'a-3-5']);
    expect(spikes[0]).toMatchObject({ beforeRate: 1, afterRate: 6 });
  });

  it('does not call steady service a spike', () => {
    expect(
      serviceAfterChurnRisk({ accounts: [facts(9, 4)], beforeDays: 90, afterDays: 30 }),
    ).toEqual([]);
  });
});
