import { DomainError } from '../shared/domain-error.ts';
import { instantMs } from '../shared/instant.ts';
import type { ResolutionFacts } from './resolution-facts.ts';
import { isDelivered } from './resolution-facts.ts';
import type { ForecastVerdict } from './resolve-calibration-forecast.ts';
import type { RiskForecast } from './risk-forecast.ts';

/**
 * A risk forecast resolved: `outcome` o = 1 when the promise was kept by the forecast's due, 0
 * when it was not, null while pending or when it can never be known.
 */
export interface RiskForecastResolution {
  forecast: RiskForecast;
  verdict: Exclude<ForecastVerdict, 'not_stated'>;
  outcome: 0 | 1 | null;
  /** The forecast was made at or after its due (the promise was then already overdue). */
  madeAfterDue: boolean;
  why: string;
}

/**
 * Resolves "kept by its due" for a risk forecast once its due (the one in force when it was made; a
 * later renegotiation does not rescue it) has passed: o = 1 ⇔ fulfilled at or before it; missed,
 * still open, released or cancelled after it → 0; released or cancelled by then: unresolvable.
 */
export function resolveRiskForecast(
  forecast: RiskForecast,
  facts: ResolutionFacts | null,
): RiskForecastResolution {
  const dueMs = instantMs(forecast.dueAt);
  const base = { forecast, madeAfterDue: instantMs(forecast.madeAt) >= dueMs };
  if (facts === null) {
    return { ...base, verdict: 'pending', outcome: null, why: 'Nothing is known of it yet.' };
  }
  if (facts.promiseId !== forecast.promiseId) {
    throw new DomainError({
      code: 'forecast_promise_mismatch',
      kind: 'invalid',
      field: 'facts.promiseId',
      message: `must be the forecast's promise (${forecast.promiseId}), got ${facts.promiseId}`,
    });
  }
  const withdrawn = facts.status === 'released' || facts.status === 'cancelled';
  if (withdrawn && facts.closedAt !== null && instantMs(facts.closedAt) <= dueMs) {
    return {
      ...base,
      verdict: 'unresolvable',
      outcome: null,
      why: `${capitalised(facts.status)} before its due: whether it would have been kept is unknowable.`,
    };
  }
  if (instantMs(facts.asOf) <= dueMs) {
    return {
      ...base,
      verdict: 'pending',
      outcome: null,
      why: 'Not yet due: counted at its due, so that early deliveries are not counted before late ones can be.',
    };
  }
  const kept = { ...base, verdict: 'hit' as const, outcome: 1 as const };
  const broken = { ...base, verdict: 'miss' as const, outcome: 0 as const };
  if (isDelivered(facts.status) && facts.fulfilledAt !== null) {
    return instantMs(facts.fulfilledAt) <= dueMs
      ? { ...kept, why: 'Fulfilled by its due.' }
      : { ...broken, why: 'Fulfilled, but after the due the forecast was about.' };
  }
  if (facts.status === 'missed') return { ...broken, why: 'Missed.' };
  const state = facts.status === 'open' ? 'Still open' : capitalised(facts.status);
  return { ...broken, why: `${state} after its due without being fulfilled.` };
}

function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
