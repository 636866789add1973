import type { CharterObservation } from '@steadfast/domain';
import { z } from 'zod';
import { idOutput, instantOutput } from './wire-types.ts';

/** A stored observation of a charter term: the measurement in the term's unit, and when. */
export const charterObservationOutput = z
  .object({
    id: idOutput,
    accountId: idOutput,
    termId: idOutput,
    charterVersion: z.int(),
    reference: z.string().nullable(),
    occurredAt: instantOutput,
    startedAt: instantOutput.nullable(),
    endedAt: instantOutput.nullable(),
    businessMinutes: z.number().nullable(),
    quantity: z.number().nullable(),
    note: z.string().nullable(),
    recordedAt: instantOutput,
    recordedBy: idOutput.nullable(),
  })
  .meta({ id: 'CharterObservation' }) satisfies z.ZodType<CharterObservation>;

/** One observation posted: the one stored, or the one stored first under the same reference. */
export const observeOutput = z.object({
  observation: charterObservationOutput,
  duplicate: z.boolean().describe('True when this term and reference had been posted before.'),
});

/** A batch stored all or none: how many were new, how many repeats, and each row's id. */
export const observeBatchOutput = z.object({
  stored: z.int(),
  duplicates: z.int(),
  results: z.array(
    z.object({
      index: z.int().describe('The row of the batch this result answers.'),
      id: idOutput,
      duplicate: z.boolean(),
    }),
  ),
});
