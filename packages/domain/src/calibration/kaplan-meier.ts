import { assertDurationMinutes } from './calibration-record.ts';

/** One observed duration: fulfilled after `durationMinutes`, or still unfulfilled then (censored). */
export interface DurationObservation {
  durationMinutes: number;
  fulfilled: boolean;
}

/** The curve at one distinct observed duration, with the counts that moved it. */
export interface SurvivalStep {
  atMinutes: number;
  /** Promises still unfulfilled just before this duration (the risk set). */
  atRisk: number;
  /** Fulfilled exactly at this duration. */
  events: number;
  /** Observed unfulfilled for exactly this long, and no longer. */
  censored: number;
  /** S(atMinutes): the estimated share of promises still unfulfilled after this duration. */
  survival: number;
}

/**
 * The Kaplan–Meier estimate of how long such promises take: S(t), the share still unfulfilled
 * after t business minutes, with every step it is built from.
 */
export interface SurvivalCurve {
  steps: readonly SurvivalStep[];
  /** Fulfilled observations. */
  events: number;
  /** Right-censored observations (open, missed, released, cancelled). */
  censored: number;
  /** The longest duration on record, fulfilled or not: the curve says nothing beyond it. */
  longestObservedMinutes: number;
}

/**
 * How long such promises take, learnt from fulfilled and still-unfulfilled ones alike:
 * S(t) = Π over fulfilment durations tᵢ ≤ t of (1 − dᵢ/nᵢ), dᵢ fulfilled at tᵢ, nᵢ still open just
 * before tᵢ. At a tie, fulfilments count before censorings (a promise seen open at tᵢ was at risk).
 */
export function kaplanMeier(observations: readonly DurationObservation[]): SurvivalCurve {
  observations.forEach((observation, index) => {
    assertDurationMinutes(observation.durationMinutes, `observations.${index}.durationMinutes`);
  });
  const sorted = [...observations].sort((a, b) => a.durationMinutes - b.durationMinutes);

  const steps: SurvivalStep[] = [];
  let atRisk = sorted.length;
  let survival = 1;
  let events = 0;
  let index = 0;
  while (index < sorted.length) {
    const atMinutes = sorted[index]?.durationMinutes ?? 0;
    let stepEvents = 0;
    let stepCensored = 0;
    while (index < sorted.length && sorted[index]?.durationMinutes === atMinutes) {
      if (sorted[index]?.fulfilled) stepEvents++;
      else stepCensored++;
      index++;
    }
    // Events before censorings: those censored at this duration are still in the risk set.
    if (stepEvents > 0) survival *= 1 - stepEvents / atRisk;
    steps.push({ atMinutes, atRisk, events: stepEvents, censored: stepCensored, survival });
    atRisk -= stepEvents + stepCensored;
    events += stepEvents;
  }

  return {
    steps,
    events,
    censored: sorted.length - events,
    longestObservedMinutes: sorted.at(-1)?.durationMinutes ?? 0,
  };
}

/**
 * S(t): the estimated share of such promises still unfulfilled after `minutes` business minutes
 * (1 before the first fulfilment; beyond the longest observation it stays at its last value).
 */
export function survivalAt(curve: SurvivalCurve, minutes: number): number {
  // Binary search for the last step at or before `minutes`.
  let low = 0;
  let high = curve.steps.length - 1;
  let survival = 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const step = curve.steps[middle];
    if (step === undefined) break;
    if (step.atMinutes <= minutes) {
      survival = step.survival;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return survival;
}
