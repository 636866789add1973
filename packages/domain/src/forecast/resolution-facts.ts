import { z } from 'zod';
import { type OutcomeKind, outcomeKinds, type PromiseOutcome } from '../outcome/promise-outcome.ts';
import type { PromiseMeasures } from '../promise/promise-measures.ts';
import { type Instant, idSchema, instantSchema } from '../shared/instant.ts';

/** The outcome kinds in which the promise was delivered in full. */
export const deliveredOutcomeKinds = ['early', 'on_time', 'late', 'renegotiated_kept'] as const;

/** Whether a promise in this state was delivered in full. */
export function isDelivered(status: OutcomeKind): boolean {
  return (deliveredOutcomeKinds as readonly OutcomeKind[]).includes(status);
}

/**
 * What is known, as of `asOf`, about how a promise turned out: all a forecast needs to be resolved.
 * Durations are business minutes from the promise's clock start, as calibration measures them.
 */
export interface ResolutionFacts {
  promiseId: string;
  asOf: Instant;
  /** How it ended, or `open` while it runs (or awaits its condition). */
  status: OutcomeKind;
  fulfilledAt: Instant | null;
  /** Clock start → fulfilment in full; null unless delivered. */
  fulfilledMinutes: number | null;
  closedAt: Instant | null;
  /** Clock start → closing (fulfilment, miss, release, cancellation); null while open. */
  closedMinutes: number | null;
  /**
   * Clock start → `asOf`, however it ended: how far past its clock start the promise is now, so a
   * forecast's horizon can be seen to have passed. Null while its clock has not started.
   */
  clockMinutes: number | null;
}

const minutesSchema = z.number().min(0, 'must not be negative');

/** Resolution facts as an API receives them: a delivered promise has its fulfilment, others none. */
export const resolutionFactsSchema = z
  .object({
    promiseId: idSchema,
    asOf: instantSchema,
    status: z.enum(outcomeKinds),
    fulfilledAt: instantSchema.nullable(),
    fulfilledMinutes: minutesSchema.nullable(),
    closedAt: instantSchema.nullable(),
    closedMinutes: minutesSchema.nullable(),
    clockMinutes: minutesSchema.nullable(),
  })
  .refine(
    (facts) =>
      isDelivered(facts.status) === (facts.fulfilledAt !== null && facts.fulfilledMinutes !== null),
    {
      path: ['fulfilledAt'],
      error: 'must be given exactly when the promise was delivered in full',
    },
  )
  .refine((facts) => (facts.status === 'open') === (facts.closedAt === null), {
    path: ['closedAt'],
    error: 'must be given exactly when the promise is closed',
  });

/**
 * The resolution facts of a promise from its outcome and measures; `clockMinutes` is the business
 * time from its clock start to `asOf` (null while the clock has not started).
 */
export function resolutionFactsOf(options: {
  outcome: PromiseOutcome;
  measures: PromiseMeasures;
  asOf: Instant;
  clockMinutes: number | null;
}): ResolutionFacts {
  const { outcome, measures } = options;
  const base = {
    promiseId: outcome.promiseId,
    asOf: options.asOf,
    status: outcome.kind,
    clockMinutes: options.clockMinutes,
  };
  switch (outcome.kind) {
    case 'open':
      return {
        ...base,
        fulfilledAt: null,
        fulfilledMinutes: null,
        closedAt: null,
        closedMinutes: null,
      };
    case 'missed':
    case 'released':
    case 'cancelled':
      return {
        ...base,
        fulfilledAt: null,
        fulfilledMinutes: null,
        closedAt: outcome.closedAt,
        closedMinutes: measures.closedMinutes,
      };
    default:
      return {
        ...base,
        fulfilledAt: outcome.fulfilledAt,
        fulfilledMinutes: measures.fulfilledMinutes,
        closedAt: outcome.closedAt,
        closedMinutes: measures.closedMinutes,
      };
  }
}
