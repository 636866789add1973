import { z } from 'zod';
import { type Instant, idSchema } from '../shared/instant.ts';
import { type FrictionImpact, frictionImpactWeights } from './friction-report.ts';
import { isOrderedPeriod, orderedPeriodRule, periodShape } from './period.ts';

/** Which reports the ranking looks at: a period of occurrence, optionally one account's. */
export const frictionRankingInputSchema = z
  .object({ ...periodShape, accountId: idSchema.optional() })
  .refine(isOrderedPeriod, orderedPeriodRule)
  .default({});
export type FrictionRankingInput = z.input<typeof frictionRankingInputSchema>;

/**
 * How many reports of one impact a policy had under one spelling of its name (the store counts
 * them; the domain ranks).
 */
export interface FrictionTally {
  policyKey: string;
  /** The policy's name as these reports spelled it. */
  policy: string;
  impact: FrictionImpact;
  reports: number;
  lastOccurredAt: Instant;
}

/** The estimated cost of a policy's reports in one currency. */
export interface FrictionCostTally {
  policyKey: string;
  currency: string;
  total: number;
  /** How many reports gave a cost in this currency. */
  reports: number;
}

/** One policy's friction, with the parts of its score. */
export interface PolicyFriction {
  /** The policy's name as most recently reported. */
  policy: string;
  policyKey: string;
  reports: number;
  reportsByImpact: Record<FrictionImpact, number>;
  /** Σ over impacts of reports × weight(impact). */
  impactScore: number;
  /** Estimated cost per currency (never added across currencies), largest first. */
  costs: FrictionCostTally[];
  lastOccurredAt: Instant;
}

const noReports = (): Record<FrictionImpact, number> => ({
  low: 0,
  medium: 0,
  high: 0,
  critical: 0,
});

/** The name shown is the one most recently reported (ties: the first in code-point order). */
function isLaterSpelling(tally: FrictionTally, policy: PolicyFriction): boolean {
  if (tally.lastOccurredAt !== policy.lastOccurredAt) {
    return tally.lastOccurredAt > policy.lastOccurredAt;
  }
  return tally.policy < policy.policy;
}

const roundCents = (amount: number) => Math.round(amount * 100) / 100;

/**
 * Which policies get in customers' way most, for leadership: each policy's impact score is
 * Σ reports × weight (low 1, medium 3, high 9, critical 27), highest first; ties go to more
 * reports, then the most recent, then the name. Costs are shown beside it, per currency; the
 * name is the one most recently reported.
 */
export function rankFrictionByPolicy(
  tallies: readonly FrictionTally[],
  costTallies: readonly FrictionCostTally[],
  weights: Readonly<Record<FrictionImpact, number>> = frictionImpactWeights,
): PolicyFriction[] {
  const byPolicy = new Map<string, PolicyFriction>();
  for (const tally of tallies) {
    const policy = byPolicy.get(tally.policyKey) ?? {
      policy: tally.policy,
      policyKey: tally.policyKey,
      reports: 0,
      reportsByImpact: noReports(),
      impactScore: 0,
      costs: [],
      lastOccurredAt: tally.lastOccurredAt,
    };
    policy.reports += tally.reports;
    policy.reportsByImpact[tally.impact] += tally.reports;
    policy.impactScore += tally.reports * weights[tally.impact];
    if (isLaterSpelling(tally, policy)) {
      policy.policy = tally.policy;
      policy.lastOccurredAt = tally.lastOccurredAt;
    }
    byPolicy.set(tally.policyKey, policy);
  }
  for (const cost of costTallies) {
    byPolicy.get(cost.policyKey)?.costs.push({ ...cost, total: roundCents(cost.total) });
  }
  const ranked = [...byPolicy.values()];
  for (const policy of ranked) {
    policy.costs.sort((a, b) => b.total - a.total || a.currency.localeCompare(b.currency));
  }
  return ranked.sort(
    (a, b) =>
      b.impactScore - a.impactScore ||
      b.reports - a.reports ||
      b.lastOccurredAt.localeCompare(a.lastOccurredAt) ||
      a.policy.localeCompare(b.policy),
  );
}
