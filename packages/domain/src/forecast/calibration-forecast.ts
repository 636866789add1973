import { z } from 'zod';
import type { Calibration } from '../calibration/calibrate.ts';
import {
  type CalibrationScopeLevel,
  calibrationScopeLevels,
} from '../calibration/calibration-scope.ts';
import type { ProposedDueCheck } from '../calibration/proposed-due-check.ts';
import type { DurationQuantile } from '../calibration/survival-queries.ts';
import { type PromiseKind, promiseKinds } from '../promise/promise-terms.ts';
import { type Instant, idSchema, instantSchema } from '../shared/instant.ts';

/** When the range was shown: while capturing the promise, or on a "can I promise this?" check. */
export const calibrationForecastOccasions = ['capture', 'check'] as const;
export type CalibrationForecastOccasion = (typeof calibrationForecastOccasions)[number];

/**
 * The calibration range Steadfast showed for one promise (or one check that may never become a
 * promise): how long such promises took at each level, in business minutes from the clock start,
 * and the chance it gave for the duration proposed.
 */
export interface CalibrationForecast {
  id: string;
  /** The promise it was shown for; null for a check that was not (yet) captured as a promise. */
  promiseId: string | null;
  /** The check it was shown on, when it was shown on a check. */
  checkId: string | null;
  occasion: CalibrationForecastOccasion;
  kind: PromiseKind;
  accountId: string;
  ownerId: string;
  madeAt: Instant;
  /** Which history the figures came from, and whether it held enough fulfilled promises. */
  scopeLevel: CalibrationScopeLevel;
  sufficient: boolean;
  /** One per level shown: "p of such promises took ≤ minutes", or "more than" the longest on record. */
  levels: DurationQuantile[];
  /** The proposed duration and F(proposed); null when no date was proposed or there was no record. */
  chosenDate: { proposedMinutes: number; chance: number } | null;
}

const minutesSchema = z.number().min(0, 'must not be negative');
const levelSchema = z.number().gt(0, 'must be greater than 0').lt(1, 'must be less than 1');

const durationQuantileSchema = z.discriminatedUnion('reached', [
  z.object({ level: levelSchema, reached: z.literal(true), minutes: minutesSchema }),
  z.object({ level: levelSchema, reached: z.literal(false), moreThanMinutes: minutesSchema }),
]);

/** A calibration forecast as it is recorded; the levels must rise, and so must their durations. */
export const calibrationForecastSchema = z
  .object({
    id: idSchema,
    promiseId: idSchema.nullable(),
    checkId: idSchema.nullable(),
    occasion: z.enum(calibrationForecastOccasions),
    kind: z.enum(promiseKinds),
    accountId: idSchema,
    ownerId: idSchema,
    madeAt: instantSchema,
    scopeLevel: z.enum(calibrationScopeLevels),
    sufficient: z.boolean(),
    levels: z.array(durationQuantileSchema).min(1, 'must hold at least one level').max(10),
    chosenDate: z
      .object({
        proposedMinutes: minutesSchema,
        chance: z.number().min(0, 'must be at least 0').max(1, 'must be at most 1'),
      })
      .nullable(),
  })
  .refine((forecast) => forecast.promiseId !== null || forecast.checkId !== null, {
    path: ['promiseId'],
    error: 'a forecast must name its promise or its check',
  })
  .refine((forecast) => levelsRise(forecast.levels), {
    path: ['levels'],
    error: 'levels must rise, each once, and a higher level must not quote a shorter duration',
  });

/** Levels in increasing order, each once, and a reached duration never shorter than a lower one's. */
function levelsRise(levels: readonly DurationQuantile[]): boolean {
  let previousLevel = 0;
  let previousMinutes = 0;
  for (const quantile of levels) {
    if (quantile.level <= previousLevel) return false;
    previousLevel = quantile.level;
    if (!quantile.reached) continue;
    if (quantile.minutes < previousMinutes) return false;
    previousMinutes = quantile.minutes;
  }
  return true;
}

/**
 * The forecast to record when a calibration (and, if a date was proposed, its check) is shown:
 * the levels as calibrated, and F(proposed) unless the record was empty.
 */
export function calibrationForecastFrom(options: {
  id: string;
  promiseId: string | null;
  checkId?: string | null;
  occasion: CalibrationForecastOccasion;
  kind: PromiseKind;
  accountId: string;
  ownerId: string;
  madeAt: Instant;
  calibration: Calibration;
  check?: ProposedDueCheck | null;
}): CalibrationForecast {
  const { calibration } = options;
  const check = options.check ?? null;
  return {
    id: options.id,
    promiseId: options.promiseId,
    checkId: options.checkId ?? null,
    occasion: options.occasion,
    kind: options.kind,
    accountId: options.accountId,
    ownerId: options.ownerId,
    madeAt: options.madeAt,
    scopeLevel: calibration.scope.level,
    sufficient: calibration.scope.sufficient,
    levels: calibration.quantiles.map(
      (quantile): DurationQuantile =>
        quantile.reached
          ? { level: quantile.level, reached: true, minutes: quantile.minutes }
          : { level: quantile.level, reached: false, moreThanMinutes: quantile.moreThanMinutes },
    ),
    // With nothing fulfilled on record F(t) = 0 is no forecast at all, only the absence of one.
    chosenDate:
      check === null || check.verdict === 'no_record'
        ? null
        : { proposedMinutes: check.proposedMinutes, chance: check.chanceOfKeeping },
  };
}
