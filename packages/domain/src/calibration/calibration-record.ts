import { z } from 'zod';
import { type PromiseKind, promiseKinds } from '../promise/promise-terms.ts';
import { DomainError } from '../shared/domain-error.ts';
import { idSchema } from '../shared/instant.ts';

/**
 * One promise of the history that calibration learns from. `durationMinutes` is business time
 * from the clock start: to fulfilment when `fulfilled`, else to now (still open) or to the moment
 * it was missed, released or cancelled — a right-censored observation ("it took more than this").
 */
export const calibrationRecordSchema = z.object({
  kind: z.enum(promiseKinds),
  ownerId: idSchema,
  accountId: idSchema,
  // zod 4 numbers are finite: NaN and ±Infinity are refused already.
  durationMinutes: z.number().min(0, 'must not be negative'),
  fulfilled: z.boolean(),
});

export interface CalibrationRecord {
  kind: PromiseKind;
  ownerId: string;
  accountId: string;
  durationMinutes: number;
  fulfilled: boolean;
}

/** A duration the estimator can use: a finite, non-negative number of business minutes. */
export function assertDurationMinutes(minutes: number, field: string): void {
  if (Number.isFinite(minutes) && minutes >= 0) return;
  throw new DomainError({
    code: 'invalid_duration',
    kind: 'invalid',
    field,
    message: `must be a finite, non-negative number of business minutes (got ${minutes})`,
  });
}
