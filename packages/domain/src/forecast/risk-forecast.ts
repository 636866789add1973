import { z } from 'zod';
import { type PromiseKind, promiseKinds } from '../promise/promise-terms.ts';
import type { PromiseRiskAssessment, RiskBasis } from '../risk/promise-risk.ts';
import { type Instant, idSchema, instantSchema } from '../shared/instant.ts';

/**
 * Why the risk was recorded then: the first time the promise was flagged at risk, at its due
 * date, or on any other review (a sweep, a screen opened).
 */
export const riskForecastOccasions = ['first_flagged', 'at_due', 'review'] as const;
export type RiskForecastOccasion = (typeof riskForecastOccasions)[number];

export const riskBases = [
  'history',
  'overdue',
  'beyond_record',
  'no_record',
] as const satisfies readonly RiskBasis[];

/**
 * The chance Steadfast gave, at `madeAt`, that an open promise would be kept by `dueAt` (the
 * deadline in force then). `chance` is null when the record could not put a number on it.
 */
export interface RiskForecast {
  id: string;
  promiseId: string;
  kind: PromiseKind;
  accountId: string;
  ownerId: string;
  occasion: RiskForecastOccasion;
  madeAt: Instant;
  dueAt: Instant;
  chance: number | null;
  basis: RiskBasis;
}

/** A risk forecast as it is recorded. */
export const riskForecastSchema = z
  .object({
    id: idSchema,
    promiseId: idSchema,
    kind: z.enum(promiseKinds),
    accountId: idSchema,
    ownerId: idSchema,
    occasion: z.enum(riskForecastOccasions),
    madeAt: instantSchema,
    dueAt: instantSchema,
    chance: z.number().min(0, 'must be at least 0').max(1, 'must be at most 1').nullable(),
    basis: z.enum(riskBases),
  })
  .refine((forecast) => (forecast.chance === null) === isUnnumbered(forecast.basis), {
    path: ['chance'],
    error: 'must be null exactly when the basis is beyond_record or no_record',
  });

function isUnnumbered(basis: RiskBasis): boolean {
  return basis === 'beyond_record' || basis === 'no_record';
}

/** The forecast to record from a risk assessment made at `madeAt` for a promise due at `dueAt`. */
export function riskForecastFrom(options: {
  id: string;
  assessment: PromiseRiskAssessment;
  kind: PromiseKind;
  accountId: string;
  ownerId: string;
  occasion: RiskForecastOccasion;
  madeAt: Instant;
  dueAt: Instant;
}): RiskForecast {
  const { assessment } = options;
  return {
    id: options.id,
    promiseId: assessment.promiseId,
    kind: options.kind,
    accountId: options.accountId,
    ownerId: options.ownerId,
    occasion: options.occasion,
    madeAt: options.madeAt,
    dueAt: options.dueAt,
    chance: assessment.chanceOfKeeping,
    basis: assessment.basis,
  };
}
