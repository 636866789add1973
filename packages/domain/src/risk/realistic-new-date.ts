import type { SurvivalCurve } from '../calibration/kaplan-meier.ts';
import { durationQuantileGiven } from '../calibration/survival-queries.ts';
import type { Instant } from '../shared/instant.ts';

/**
 * A new date to offer the customer. `found`: by `at`, a share `level` of comparable promises that
 * were still open this far in had been fulfilled. `not_reached`: the record never gets that far,
 * so only "not before `notBefore`" can be said. `beyond_record`: the record cannot say at all.
 */
export type RealisticNewDate =
  | { kind: 'found'; level: number; minutesFromClockStart: number; at: Instant }
  | { kind: 'not_reached'; level: number; moreThanMinutes: number; notBefore: Instant }
  | { kind: 'beyond_record'; level: number };

/**
 * The date to offer for a promise still open after `elapsedMinutes`: the smallest t with
 * P(T ≤ t | T > elapsed) ≥ level, i.e. S(t) ≤ (1 − level) · S(elapsed), as clock start + t
 * business minutes.
 */
export function realisticNewDate(options: {
  curve: SurvivalCurve;
  clockStartedAt: Instant;
  elapsedMinutes: number;
  level: number;
  addBusinessMinutes: (start: Instant, minutes: number) => Instant;
}): RealisticNewDate {
  const { curve, clockStartedAt, elapsedMinutes, level, addBusinessMinutes } = options;
  const quantile = durationQuantileGiven(curve, elapsedMinutes, level);
  if (quantile === null) return { kind: 'beyond_record', level };
  if (!quantile.reached) {
    return {
      kind: 'not_reached',
      level,
      moreThanMinutes: quantile.moreThanMinutes,
      notBefore: addBusinessMinutes(clockStartedAt, quantile.moreThanMinutes),
    };
  }
  return {
    kind: 'found',
    level,
    minutesFromClockStart: quantile.minutes,
    at: addBusinessMinutes(clockStartedAt, quantile.minutes),
  };
}
