import { z } from 'zod';
import { importanceLevels } from '../promise/promise-terms.ts';

const wholeDays = (min: number, max: number) =>
  z
    .number()
    .int('must be a whole number of days')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** When the touchpoint rules suggest a moment; every window is in days. */
export const touchpointRulesSchema = z.object({
  /** A thank-you is suggested for this long after a fulfilment, then it is too late to send. */
  thanksWithinDays: wholeDays(1, 60).default(7),
  /** Fulfilled promises at least this important earn a thank-you. */
  thanksMinImportance: z.enum(importanceLevels).default('high'),
  /** The fulfilled promises (3rd, 10th, …) that earn a repeat customer a thank-you. */
  repeatMilestones: z
    .array(z.number().int('must be whole numbers').min(2, 'must be at least 2'))
    .min(1, 'must name at least one milestone')
    .max(20, 'must name at most 20 milestones')
    .refine((milestones) => milestones.every((m, i) => i === 0 || m > (milestones[i - 1] ?? 0)), {
      error: 'must be increasing (e.g. [3, 10, 25])',
    })
    .default([3, 10, 25, 50, 100]),
  /** An anniversary is suggested from this many days before it … */
  anniversaryLeadDays: wholeDays(0, 60).default(7),
  /** … until this many days after it. */
  anniversaryGraceDays: wholeDays(0, 60).default(14),
  /** An existing account with no touch for this long gets a check-in. */
  neglectedAfterDays: wholeDays(1, 365).default(45),
});
export type TouchpointRulesInput = z.input<typeof touchpointRulesSchema>;
export type TouchpointRules = z.output<typeof touchpointRulesSchema>;

/** The rules when nobody has changed them. */
export const defaultTouchpointRules: TouchpointRules = touchpointRulesSchema.parse({});
