import { DomainError } from '../shared/domain-error.ts';
import type { CalibrationForecast } from './calibration-forecast.ts';
import { isDelivered, type ResolutionFacts } from './resolution-facts.ts';

/**
 * How one forecast statement turned out. `hit`: the promise was fulfilled within the duration (or
 * by the date) forecast; `miss`: it was not, and never can be; `pending`: not known yet;
 * `unresolvable`: it will never be known (withdrawn first, or never became a promise);
 * `not_stated`: the forecast gave no figure to check (a "more than" level, no chance given).
 */
export type ForecastVerdict = 'hit' | 'miss' | 'pending' | 'unresolvable' | 'not_stated';

/** A verdict with the reason for it, in words. */
export interface Resolved {
  verdict: ForecastVerdict;
  why: string;
}

/** One level of a calibration forecast, resolved. */
export interface LevelResolution extends Resolved {
  level: number;
  /** The duration forecast for the level; null for a "more than" level. */
  minutes: number | null;
}

/** A calibration forecast with each of its statements resolved against what happened. */
export interface CalibrationForecastResolution {
  forecast: CalibrationForecast;
  levels: LevelResolution[];
  /** "Kept by the chosen date", against the chance given for it. */
  chosenDate: Resolved & { chance: number | null; proposedMinutes: number | null };
}

/**
 * Whether a promise was fulfilled within `minutes` business minutes of its clock start (T ≤ X),
 * judged only once X has passed since the clock start (before that: pending), so that a quick
 * success is never counted before a slow failure could be: then delivered → T ≤ X; missed, still
 * open, or released/cancelled after X → miss. Released or cancelled by X: unresolvable.
 */
export function resolveWithinMinutes(facts: ResolutionFacts, minutes: number): Resolved {
  const within = minutesWords(minutes);
  const withdrawn = facts.status === 'released' || facts.status === 'cancelled';
  if (facts.clockMinutes === null) {
    return facts.status === 'open'
      ? { verdict: 'pending', why: 'Its clock has not started: its condition is not met yet.' }
      : { verdict: 'unresolvable', why: `${capitalised(facts.status)} before its clock started.` };
  }
  if (withdrawn && (facts.closedMinutes ?? 0) <= minutes) {
    return {
      verdict: 'unresolvable',
      why:
        `${capitalised(facts.status)} within ${within} business minutes, unfulfilled: the question ` +
        'was withdrawn before it was answered, and counting it either way would invent an outcome.',
    };
  }
  if (facts.clockMinutes <= minutes) {
    return {
      verdict: 'pending',
      why:
        `Counted once ${within} business minutes have passed since its clock started, so that ` +
        'quick successes are not counted before slow failures can be.',
    };
  }
  if (isDelivered(facts.status)) {
    const took = facts.fulfilledMinutes ?? Number.POSITIVE_INFINITY;
    return took <= minutes
      ? {
          verdict: 'hit',
          why: `Fulfilled after ${minutesWords(took)} business minutes, within ${within}.`,
        }
      : {
          verdict: 'miss',
          why: `Fulfilled after ${minutesWords(took)} business minutes, beyond ${within}.`,
        };
  }
  if (facts.status === 'missed') {
    return { verdict: 'miss', why: 'Missed: never fulfilled, so not within any duration.' };
  }
  const state = facts.status === 'open' ? 'Still open' : `${capitalised(facts.status)} unfulfilled`;
  return { verdict: 'miss', why: `${state} after ${within} business minutes.` };
}

/** Business minutes as people read them: 2,400, or 480.5 when fractional. */
function minutesWords(minutes: number): string {
  const rounded = Number.isInteger(minutes) ? minutes : Math.round(minutes * 10) / 10;
  return rounded.toLocaleString('en-US');
}

function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Resolves each level p of a calibration forecast (hit ⇔ the actual duration T ≤ the p-duration
 * forecast; see `resolveWithinMinutes`) and the chosen date (kept ⇔ T ≤ the proposed duration).
 * No facts yet: pending; a check never captured as a promise: unresolvable.
 */
export function resolveCalibrationForecast(
  forecast: CalibrationForecast,
  facts: ResolutionFacts | null,
): CalibrationForecastResolution {
  if (facts !== null && facts.promiseId !== forecast.promiseId) {
    throw new DomainError({
      code: 'forecast_promise_mismatch',
      kind: 'invalid',
      field: 'facts.promiseId',
      message: `must be the forecast's promise (${forecast.promiseId ?? 'none'}), got ${facts.promiseId}`,
    });
  }
  const judge = (minutes: number): Resolved => {
    if (forecast.promiseId === null) {
      return { verdict: 'unresolvable', why: 'No promise was made on this check: no outcome.' };
    }
    if (facts === null) return { verdict: 'pending', why: 'Nothing is known of its promise yet.' };
    return resolveWithinMinutes(facts, minutes);
  };
  const levels = forecast.levels.map((quantile): LevelResolution => {
    if (!quantile.reached) {
      return {
        level: quantile.level,
        minutes: null,
        verdict: 'not_stated',
        why: `Only "more than ${minutesWords(quantile.moreThanMinutes)} business minutes" was stated: no interval to check.`,
      };
    }
    return {
      level: quantile.level,
      minutes: quantile.minutes,
      ...judge(quantile.minutes),
    };
  });
  const chosen = forecast.chosenDate;
  const chosenDate =
    chosen === null
      ? {
          chance: null,
          proposedMinutes: null,
          verdict: 'not_stated' as const,
          why: 'No chance was given for a chosen date.',
        }
      : { ...chosen, ...judge(chosen.proposedMinutes) };
  return { forecast, levels, chosenDate };
}
