import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FrictionTally, rankFrictionByPolicy } from './friction-ranking.ts';
import { frictionImpacts } from './friction-report.ts';

const tally = (
  policy: string,
  impact: FrictionTally['impact'],
  reports: number,
  lastOccurredAt = '2026-03-01T10:00:00.000Z',
): FrictionTally => ({ policyKey: policy.toLowerCase(), policy, impact, reports, lastOccurredAt });

describe('rankFrictionByPolicy', () => {
  it('ranks by Σ reports × impact weight, not by the number of reports', () => {
    const ranked = rankFrictionByPolicy(
      [
        // 10 low = 10
        tally('Invoice only by post', 'low', 10),
        // 1 critical + 1 low = 27 + 1 = 28
        tally('Prepayment for new customers', 'critical', 1),
        tally('Prepayment for new customers', 'low', 1),
        // 2 high + 1 medium = 18 + 3 = 21
        tally('Returns need the original packaging', 'high', 2),
        tally('Returns need the original packaging', 'medium', 1),
      ],
      [],
    );

    expect(ranked.map((policy) => [policy.policy, policy.impactScore, policy.reports])).toEqual([
      ['Prepayment for new customers', 28, 2],
      ['Returns need the original packaging', 21, 3],
      ['Invoice only by post', 10, 10],
    ]);
    expect(ranked[1]?.reportsByImpact).toEqual({ low: 0, medium: 1, high: 2, critical: 0 });
  });

  it('breaks a tie by more reports, then the most recent report', () => {
    const ranked = rankFrictionByPolicy(
      [
        tally('Older', 'medium', 1, '2026-01-01T00:00:00.000Z'),
        tally('Fewer', 'high', 1),
        tally('More', 'low', 9),
        tally('Newer', 'medium', 1, '2026-02-01T00:00:00.000Z'),
        tally('Newer', 'low', 6, '2026-01-15T00:00:00.000Z'),
        tally('Older', 'low', 6, '2026-01-20T00:00:00.000Z'),
      ],
      [],
    );

    expect(ranked.map((policy) => policy.policy)).toEqual(['More', 'Newer', 'Older', 'Fewer']);
    expect(ranked[1]?.lastOccurredAt).toBe('2026-02-01T00:00:00.000Z');
  });

  it('shows a policy under the name it was most recently reported by', () => {
    const [policy] = rankFrictionByPolicy(
      [
        { ...tally('Prepayment', 'high', 2, '2026-03-05T10:00:00.000Z'), policy: 'PREPAYMENT' },
        tally('Prepayment', 'low', 1, '2026-03-09T10:00:00.000Z'),
        { ...tally('Prepayment', 'low', 3, '2026-03-01T10:00:00.000Z'), policy: 'prepayment' },
      ],
      [],
    );

    expect(policy).toMatchObject({
      policy: 'Prepayment',
      reports: 6,
      impactScore: 2 * 9 + 1 + 3,
      lastOccurredAt: '2026-03-09T10:00:00.000Z',
    });
  });

  it('shows the cost per currency, never adding euros to dollars', () => {
    const [policy] = rankFrictionByPolicy(
      [tally('Prepayment', 'high', 3)],
      [
        { policyKey: 'prepayment', currency: 'USD', total: 300.1 + 0.2, reports: 1 },
        { policyKey: 'prepayment', currency: 'EUR', total: 4500, reports: 2 },
      ],
    );

    expect(policy?.costs).toEqual([
      { policyKey: 'prepayment', currency: 'EUR', total: 4500, reports: 2 },
      { policyKey: 'prepayment', currency: 'USD', total: 300.3, reports: 1 },
    ]);
  });

  it('never ranks a policy above one with a higher impact score, and counts every report', () => {
    const tallies = fc.array(
      fc.record({
        policy: fc.constantFrom('A', 'B', 'C', 'D'),
        impact: fc.constantFrom(...frictionImpacts),
        reports: fc.integer({ min: 1, max: 50 }),
      }),
    );
    fc.assert(
      fc.property(tallies, (generated) => {
        const ranked = rankFrictionByPolicy(
          generated.map((t) => tally(t.policy, t.impact, t.reports)),
          [],
        );
        for (let i = 1; i < ranked.length; i += 1) {
          expect(ranked[i - 1]?.impactScore).toBeGreaterThanOrEqual(ranked[i]?.impactScore ?? 0);
        }
        const total = ranked.reduce((sum, policy) => sum + policy.reports, 0);
        expect(total).toBe(generated.reduce((sum, t) => sum + t.reports, 0));
      }),
    );
  });
});
