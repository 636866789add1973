import { z } from 'zod';
import { type Instant, idSchema, instantSchema } from '../shared/instant.ts';
import { assertNotInFuture } from './moment-checks.ts';
import { isOrderedPeriod, listLimitSchema, orderedPeriodRule, periodShape } from './period.ts';

export const frictionImpacts = ['low', 'medium', 'high', 'critical'] as const;
/**
 * How badly a policy got in the customer's way: `low` (an annoyance), `medium` (a delay or extra
 * effort), `high` (the customer could not get what they needed), `critical` (business lost or
 * the relationship put at risk).
 */
export type FrictionImpact = (typeof frictionImpacts)[number];

/**
 * What one report of each impact weighs in the ranking: each level about three times the one
 * below, so one critical report outweighs a handful of low ones but not dozens.
 */
export const frictionImpactWeights: Readonly<Record<FrictionImpact, number>> = {
  low: 1,
  medium: 3,
  high: 9,
  critical: 27,
};

/** An estimate of money, in one currency (ISO 4217: EUR, USD, …). */
export const moneySchema = z.object({
  amount: z
    .number({ error: 'must be a number' })
    .nonnegative('must not be negative')
    .max(1e12, 'must be at most 1,000,000,000,000'),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code such as EUR'),
});
export type Money = z.output<typeof moneySchema>;

/** A policy's name as people write it: trimmed, runs of spaces made one. */
const policyNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .transform((name) => name.replace(/\s+/g, ' '));

/** A frontline report that a policy or procedure got in a customer's way. */
export const reportFrictionInputSchema = z.object({
  /** The customer it happened to, when it was one of our accounts. */
  accountId: idSchema.nullable().default(null),
  policy: policyNameSchema,
  whatHappened: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(4000, 'must be at most 4000 characters'),
  impact: z.enum(frictionImpacts),
  /** What it cost (lost business, refunds, extra work), as an estimate; null when unknown. */
  cost: moneySchema.nullable().default(null),
  reportedById: idSchema,
  /** When it happened; defaults to now. */
  occurredAt: instantSchema.optional(),
});
export type ReportFrictionInput = z.input<typeof reportFrictionInputSchema>;
export type ReportFrictionCommand = z.output<typeof reportFrictionInputSchema>;

/** A policy or procedure that got in a customer's way, as reported. */
export interface FrictionReport {
  id: string;
  accountId: string | null;
  policy: string;
  /** The policy as reports are grouped by it: its name in lower case. */
  policyKey: string;
  whatHappened: string;
  impact: FrictionImpact;
  cost: Money | null;
  reportedById: string;
  occurredAt: Instant;
  recordedAt: Instant;
}

/** Reports name the same policy when their names differ only in case and spacing. */
export function frictionPolicyKey(policy: string): string {
  return policy.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Recording a friction report: it happened now unless said otherwise, never in the future. */
export function reportFriction(
  command: ReportFrictionCommand,
  stamp: { reportId: string; now: Instant },
): FrictionReport {
  const occurredAt = command.occurredAt ?? stamp.now;
  assertNotInFuture(occurredAt, stamp.now, 'occurredAt');
  return {
    id: stamp.reportId,
    accountId: command.accountId,
    policy: command.policy,
    policyKey: frictionPolicyKey(command.policy),
    whatHappened: command.whatHappened,
    impact: command.impact,
    cost: command.cost,
    reportedById: command.reportedById,
    occurredAt,
    recordedAt: stamp.now,
  };
}

/** Friction reports, most recent first: in a period, for an account, for one policy. */
export const listFrictionInputSchema = z
  .object({
    ...periodShape,
    accountId: idSchema.optional(),
    /** Only this policy's reports (case and spacing do not matter). */
    policy: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .optional(),
    limit: listLimitSchema.default(100),
  })
  .refine(isOrderedPeriod, orderedPeriodRule)
  .default({ limit: 100 });
export type ListFrictionInput = z.input<typeof listFrictionInputSchema>;
