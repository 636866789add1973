import { z } from 'zod';
import { type Instant, idSchema, instantMs, instantSchema } from '../shared/instant.ts';

/** The most observations one batch may carry; a batch is stored whole or not at all. */
export const maxObservationBatch = 1000;

const measurements = ['businessMinutes', 'startedAt', 'quantity'] as const;

/**
 * One measured instance of a charter term, usually posted by an integration: a measured duration
 * (`businessMinutes`), or the moments it started and ended (measured here in the term's
 * calendar), or for a quantity term a count (`quantity`). `reference` (a ticket id, an order
 * number) makes posting idempotent: the same term and reference are stored once.
 */
export const charterObservationInputSchema = z
  .object({
    accountId: idSchema,
    termId: idSchema,
    reference: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .nullable()
      .default(null),
    businessMinutes: z
      .number({ error: 'must be a number of business minutes' })
      .nonnegative('must not be negative')
      .max(1_000_000, 'must be at most 1,000,000 business minutes')
      .optional(),
    startedAt: instantSchema.optional(),
    endedAt: instantSchema.optional(),
    quantity: z
      .number({ error: 'must be a number' })
      .nonnegative('must not be negative')
      .max(1_000_000_000, 'must be at most 1,000,000,000')
      .optional(),
    /** When it happened (the window it counts in); defaults to `endedAt`, else now. */
    occurredAt: instantSchema.optional(),
    note: z.string().trim().max(1000, 'must be at most 1000 characters').nullable().default(null),
  })
  .superRefine((row, context) => {
    const issue = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (row.startedAt !== undefined && row.endedAt === undefined) {
      issue('endedAt', 'is required with startedAt: give both, or businessMinutes');
    }
    if (row.endedAt !== undefined && row.startedAt === undefined) {
      issue('startedAt', 'is required with endedAt: give both, or businessMinutes');
    }
    if (
      row.startedAt !== undefined &&
      row.endedAt !== undefined &&
      instantMs(row.endedAt) < instantMs(row.startedAt)
    ) {
      issue('endedAt', 'must not be before startedAt');
    }
    const given = measurements.filter((name) =>
      name === 'startedAt'
        ? row.startedAt !== undefined || row.endedAt !== undefined
        : row[name] !== undefined,
    );
    const [first, second] = given;
    if (first === undefined) {
      issue(
        'businessMinutes',
        'is required: give the measurement as businessMinutes, or startedAt and endedAt, or quantity for a quantity term',
      );
    } else if (second !== undefined) {
      issue(second, `must not be given together with ${first}: an observation has one measurement`);
    }
  });
export type CharterObservationInput = z.input<typeof charterObservationInputSchema>;
export type CharterObservationCommand = z.output<typeof charterObservationInputSchema>;

/** Up to 1000 observations, stored all or none. */
export const charterObservationBatchInputSchema = z.object({
  observations: z
    .array(charterObservationInputSchema)
    .min(1, 'must have at least one observation')
    .max(maxObservationBatch, `must have at most ${maxObservationBatch} observations`),
});
export type CharterObservationBatchInput = z.input<typeof charterObservationBatchInputSchema>;

/** A stored observation: the measurement in the term's own unit, and when it happened. */
export interface CharterObservation {
  id: string;
  accountId: string;
  termId: string;
  /** The charter version current when it was recorded. */
  charterVersion: number;
  reference: string | null;
  occurredAt: Instant;
  startedAt: Instant | null;
  endedAt: Instant | null;
  /** For a business-time term: the business minutes it took, in the term's calendar. */
  businessMinutes: number | null;
  /** For a quantity term: the count observed. */
  quantity: number | null;
  note: string | null;
  recordedAt: Instant;
  recordedBy: string | null;
}
