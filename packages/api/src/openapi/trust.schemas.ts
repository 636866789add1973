import { type ClosedOutcomeKind, type TrustScore, trustComponentNames } from '@steadfast/domain';
import { z } from 'zod';
import { accountOutput, teamOutput, userOutput } from './account.schemas.ts';
import { instantOutput } from './wire-types.ts';

// A computed share is documented as 0..1 but not enforced on the way out: a float a hair past a
// bound must not turn a good answer into a 500. The tests check responses against the document.
const share = z.number().meta({ minimum: 0, maximum: 1 });

/** A trust score 0–100 with its credible interval and the breakdown of why, in words and numbers. */
export const trustScoreOutput = z
  .object({
    asOf: instantOutput,
    score: z.number().meta({ minimum: 0, maximum: 100 }),
    interval: z
      .object({ low: z.number(), high: z.number(), mass: share })
      .describe('The score with reliability at its credible bounds.'),
    reliability: z
      .object({
        alpha: z.number(),
        beta: z.number(),
        mean: share,
        low: share,
        high: share,
      })
      .describe('Beta posterior of "promises are kept", with its credible interval.'),
    components: z.array(
      z.object({
        name: z.enum(trustComponentNames),
        value: share,
        weight: share,
        contribution: z.number().describe('Points of the score it brings: value × weight × 100.'),
        explanation: z.string(),
      }),
    ),
    notCounted: z.array(z.object({ name: z.enum(trustComponentNames), reason: z.string() })),
  })
  .meta({ id: 'TrustScore' }) satisfies z.ZodType<TrustScore>;

const outcomeCount = z.int().min(0);

/** How the scope's closed promises ended, as (decayed) counts; null before the first one closes. */
export const outcomeCountsOutput = z
  .object({
    early: outcomeCount,
    on_time: outcomeCount,
    late: outcomeCount,
    renegotiated_kept: outcomeCount,
    missed: outcomeCount,
    released: outcomeCount,
    cancelled: outcomeCount,
  })
  .nullable()
  .meta({ id: 'OutcomeCounts' }) satisfies z.ZodType<Record<ClosedOutcomeKind, number> | null>;

export const companyTrustOutput = z.object({
  outcomes: outcomeCountsOutput,
  score: trustScoreOutput,
});

export const accountTrustOutput = z.object({
  account: accountOutput,
  outcomes: outcomeCountsOutput,
  charterCompliance: share
    .nullable()
    .describe("Share of the account's charter kept (0..1); null where there is no charter."),
  score: trustScoreOutput,
});

export const managerTrustOutput = z.object({
  user: userOutput,
  outcomes: outcomeCountsOutput,
  score: trustScoreOutput,
});

export const teamTrustOutput = z.object({
  team: teamOutput,
  outcomes: outcomeCountsOutput,
  score: trustScoreOutput,
});
