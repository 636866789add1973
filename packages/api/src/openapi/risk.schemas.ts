import type { PromiseRiskReview } from '@steadfast/domain';
import { z } from 'zod';
import { idOutput, instantOutput } from './wire-types.ts';

// A computed share is documented as 0..1 but not enforced on the way out: a float a hair past a
// bound must not turn a good answer into a 500. The tests check responses against the document.
const share = z.number().meta({ minimum: 0, maximum: 1 });

const assessmentOutput = z.object({
  promiseId: idOutput,
  basis: z
    .enum(['history', 'overdue', 'beyond_record', 'no_record'])
    .describe('What the figure rests on: the record of comparable promises, or why it cannot.'),
  chanceOfKeeping: share
    .nullable()
    .describe('P(kept by the due | still open now); null when the record cannot say.'),
  threshold: share,
  atRisk: z.boolean(),
  elapsedMinutes: z.number().describe('Business minutes since the clock started.'),
  dueMinutes: z.number().describe('Business minutes from clock start to the due.'),
  survivalAtElapsed: share,
  survivalAtDue: share,
  explanation: z.string(),
  milestone: z
    .object({
      milestone: z.string(),
      at: instantOutput,
      treatment: z.literal('not_used_in_chance'),
      why: z.string(),
    })
    .nullable(),
});

const newDateOutput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('found'),
    level: share,
    minutesFromClockStart: z.number(),
    at: instantOutput,
  }),
  z.object({
    kind: z.literal('not_reached'),
    level: share,
    moreThanMinutes: z.number(),
    notBefore: instantOutput,
  }),
  z.object({ kind: z.literal('beyond_record'), level: share }),
]);

const noticeOutput = z.object({
  promiseId: idOutput,
  subject: z.string(),
  greeting: z.string(),
  whatHappened: z.string(),
  apology: z.string(),
  newDate: newDateOutput,
  newDateSentence: z.string(),
  alternatives: z.array(z.string()),
  alternativesAreDefaults: z.boolean(),
  closing: z.string(),
  text: z.string().describe('The whole drafted message, for the account manager to review.'),
});

/** An open promise's chance of being kept by its due, and a drafted customer notice when at risk. */
export const riskReviewOutput = z
  .object({ assessment: assessmentOutput, notice: noticeOutput.nullable() })
  .meta({ id: 'RiskReview' }) satisfies z.ZodType<PromiseRiskReview>;
