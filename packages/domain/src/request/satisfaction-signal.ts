import { z } from 'zod';
import { type Instant, idSchema, instantSchema } from '../shared/instant.ts';
import { assertNotInFuture } from './moment-checks.ts';
import { isOrderedPeriod, listLimitSchema, orderedPeriodRule, periodShape } from './period.ts';

export const satisfactionSources = [
  'survey',
  'email',
  'call',
  'meeting',
  'review',
  'support',
  'other',
] as const;
/** Where a satisfaction signal came from. */
export type SatisfactionSource = (typeof satisfactionSources)[number];

/**
 * A survey answer on its own scale: `{ value: 4, min: 1, max: 5 }` for a 1–5 rating,
 * `{ value: 9, min: 0, max: 10 }` for a 0–10 (NPS) question.
 */
export const surveyScoreSchema = z
  .object({
    value: z.number({ error: 'must be a number' }),
    min: z.number({ error: 'must be a number' }),
    max: z.number({ error: 'must be a number' }),
  })
  .refine((score) => score.min < score.max, { path: ['max'], error: 'must be above min' })
  .refine(
    (score) => score.min >= score.max || (score.value >= score.min && score.value <= score.max),
    {
      path: ['value'],
      error: 'must lie between min and max',
    },
  );
export type SurveyScore = z.output<typeof surveyScoreSchema>;

/** A survey score, a customer's own words, or both (an NPS answer with its comment). */
export const recordSatisfactionInputSchema = z
  .object({
    accountId: idSchema,
    score: surveyScoreSchema.nullable().default(null),
    words: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(5000, 'must be at most 5000 characters')
      .nullable()
      .default(null),
    source: z.enum(satisfactionSources),
    /** When the customer gave it; defaults to now. */
    receivedAt: instantSchema.optional(),
  })
  .refine((signal) => signal.score !== null || signal.words !== null, {
    path: ['score'],
    error: 'must be given when the customer’s words are not (a score, their words, or both)',
  });
export type RecordSatisfactionInput = z.input<typeof recordSatisfactionInputSchema>;
export type RecordSatisfactionCommand = z.output<typeof recordSatisfactionInputSchema>;

/** How satisfied a customer said they were, or what they said. */
export interface SatisfactionSignal {
  id: string;
  accountId: string;
  /** The score as given, and on the common 0..1 scale. */
  score: (SurveyScore & { normalised: number }) | null;
  words: string | null;
  source: SatisfactionSource;
  receivedAt: Instant;
  recordedAt: Instant;
  recordedBy: string | null;
}

/**
 * A survey score on the common 0..1 scale, so 1–5 ratings and 0–10 NPS answers compare:
 * (value − min) / (max − min). 4 on 1–5 → 0.75; 9 on 0–10 → 0.9.
 */
export function normaliseScore(score: SurveyScore): number {
  return (score.value - score.min) / (score.max - score.min);
}

/** Recording a satisfaction signal: received now unless said otherwise, never in the future. */
export function recordSatisfactionSignal(
  command: RecordSatisfactionCommand,
  stamp: { signalId: string; now: Instant; actorId: string | null },
): SatisfactionSignal {
  const receivedAt = command.receivedAt ?? stamp.now;
  assertNotInFuture(receivedAt, stamp.now, 'receivedAt');
  return {
    id: stamp.signalId,
    accountId: command.accountId,
    score:
      command.score === null
        ? null
        : { ...command.score, normalised: normaliseScore(command.score) },
    words: command.words,
    source: command.source,
    receivedAt,
    recordedAt: stamp.now,
    recordedBy: stamp.actorId,
  };
}

/** One account's signals, newest first, optionally received within a period. */
export const listSatisfactionInputSchema = z
  .object({
    accountId: idSchema,
    ...periodShape,
    limit: listLimitSchema.default(100),
  })
  .refine(isOrderedPeriod, orderedPeriodRule);
export type ListSatisfactionInput = z.input<typeof listSatisfactionInputSchema>;
