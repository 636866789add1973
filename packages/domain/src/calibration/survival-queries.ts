import { DomainError } from '../shared/domain-error.ts';
import { assertDurationMinutes } from './calibration-record.ts';
import { type SurvivalCurve, survivalAt } from './kaplan-meier.ts';

/**
 * The duration within which a given share (`level`) of such promises were fulfilled, or, when the
 * record never gets that far, the fact that it is more than the longest duration on record.
 */
export type DurationQuantile =
  | { level: number; reached: true; minutes: number }
  | { level: number; reached: false; moreThanMinutes: number };

// Products of fractions such as 0.9 · 8/9 land a hair away from 0.8; a quantile must not flip on it.
const TOLERANCE = 1e-9;

function assertLevel(level: number): void {
  if (level > 0 && level < 1) return;
  throw new DomainError({
    code: 'invalid_level',
    kind: 'invalid',
    field: 'level',
    message: `must lie strictly between 0 and 1 (got ${level})`,
  });
}

/**
 * The first fulfilment duration after `afterMinutes` at which S(t) ≤ `target`, or null. Survival
 * only drops where promises were fulfilled, so only those steps can be the answer.
 */
function firstDurationWithSurvivalAtMost(
  curve: SurvivalCurve,
  target: number,
  afterMinutes: number,
): number | null {
  for (const step of curve.steps) {
    if (step.atMinutes <= afterMinutes || step.events === 0) continue;
    if (step.survival <= target + TOLERANCE) return step.atMinutes;
  }
  return null;
}

/** The chance of keeping a promise given `minutes` business minutes: F(t) = 1 − S(t). */
export function chanceOfKeeping(curve: SurvivalCurve, minutes: number): number {
  assertDurationMinutes(minutes, 'proposedMinutes');
  return 1 - survivalAt(curve, minutes);
}

/**
 * The business minutes within which a share `level` of such promises were fulfilled:
 * the smallest t with F(t) ≥ level, i.e. S(t) ≤ 1 − level; "more than the longest on record" when
 * the curve never drops that low.
 */
export function durationQuantile(curve: SurvivalCurve, level: number): DurationQuantile {
  assertLevel(level);
  const minutes = firstDurationWithSurvivalAtMost(curve, 1 - level, -1);
  if (minutes === null) {
    return { level, reached: false, moreThanMinutes: curve.longestObservedMinutes };
  }
  return { level, reached: true, minutes };
}

/**
 * The chance that a promise still open after `elapsedMinutes` is fulfilled within `minutes`
 * (counted from the same clock start): 1 − S(t)/S(elapsed); null when S(elapsed) = 0, i.e. every
 * such promise on record was fulfilled sooner and the record cannot say.
 */
export function chanceOfKeepingGiven(
  curve: SurvivalCurve,
  elapsedMinutes: number,
  minutes: number,
): number | null {
  assertDurationMinutes(elapsedMinutes, 'elapsedMinutes');
  assertDurationMinutes(minutes, 'minutes');
  const survivalNow = survivalAt(curve, elapsedMinutes);
  if (survivalNow <= 0) return null;
  if (minutes <= elapsedMinutes) return 0;
  const chance = 1 - survivalAt(curve, minutes) / survivalNow;
  // Rounding can leave −1e-17; a chance is never negative.
  return Math.min(1, Math.max(0, chance));
}

/**
 * For a promise still open after `elapsedMinutes`: the smallest duration t (from the clock start)
 * with P(T ≤ t | T > elapsed) ≥ level, i.e. S(t) ≤ (1 − level) · S(elapsed); null when
 * S(elapsed) = 0 (beyond the record).
 */
export function durationQuantileGiven(
  curve: SurvivalCurve,
  elapsedMinutes: number,
  level: number,
): DurationQuantile | null {
  assertDurationMinutes(elapsedMinutes, 'elapsedMinutes');
  assertLevel(level);
  const survivalNow = survivalAt(curve, elapsedMinutes);
  if (survivalNow <= 0) return null;
  const minutes = firstDurationWithSurvivalAtMost(curve, (1 - level) * survivalNow, elapsedMinutes);
  if (minutes === null) {
    return {
      level,
      reached: false,
      moreThanMinutes: Math.max(elapsedMinutes, curve.longestObservedMinutes),
    };
  }
  return { level, reached: true, minutes };
}
