import type { DurationQuantile } from '../calibration/survival-queries.ts';
import type { CalibrationForecast } from '../forecast/calibration-forecast.ts';
import type { ResolutionFacts } from '../forecast/resolution-facts.ts';
import type { RiskForecast } from '../forecast/risk-forecast.ts';
import type { PromiseKind } from '../promise/promise-terms.ts';
import type { Instant } from '../shared/instant.ts';
import { ids } from './promise-builders.ts';
import { logNormalDraw, seededRandom, standardNormalQuantile } from './survival-builders.ts';

/** A UUID-shaped id numbered `n` within a `family` digit (1: forecasts, 2: promises). */
export function numberedId(family: number, n: number): string {
  return `0190a4b2-0000-7000-800${family}-${n.toString(16).padStart(12, '0')}`;
}

/** When the forecasts in these tests are made, unless told: Monday 2 March 2026, 09:00 UTC. */
export const FORECAST_AT: Instant = '2026-03-02T09:00:00.000Z';
/** When the facts are known, a month later. */
export const KNOWN_AT: Instant = '2026-04-02T09:00:00.000Z';
/** Business minutes from the clock start to KNOWN_AT, unless told: long past every level. */
const LONG_AGO_MINUTES = 100_000;

/** Quantiles at 50/80/90/95% of 1, 2, 3 and 4 business days. */
export const fourLevels: DurationQuantile[] = [
  { level: 0.5, reached: true, minutes: 480 },
  { level: 0.8, reached: true, minutes: 960 },
  { level: 0.9, reached: true, minutes: 1440 },
  { level: 0.95, reached: true, minutes: 1920 },
];

/** A calibration forecast for a delivery captured on FORECAST_AT, proposing 2 days at 80%. */
export function aCalibrationForecast(
  overrides: Partial<CalibrationForecast> = {},
): CalibrationForecast {
  return {
    id: numberedId(1, 1),
    promiseId: ids.promise,
    checkId: null,
    occasion: 'capture',
    kind: 'delivery',
    accountId: ids.account,
    ownerId: ids.owner,
    madeAt: FORECAST_AT,
    scopeLevel: 'kind_account',
    sufficient: true,
    levels: fourLevels,
    chosenDate: { proposedMinutes: 960, chance: 0.8 },
    ...overrides,
  };
}

/** A risk forecast made on FORECAST_AT for a delivery due a week later, with a 70% chance. */
export function aRiskForecast(overrides: Partial<RiskForecast> = {}): RiskForecast {
  return {
    id: numberedId(1, 2),
    promiseId: ids.promise,
    kind: 'delivery',
    accountId: ids.account,
    ownerId: ids.owner,
    occasion: 'first_flagged',
    madeAt: FORECAST_AT,
    dueAt: '2026-03-09T17:00:00.000Z',
    chance: 0.7,
    basis: 'history',
    ...overrides,
  };
}

const base = { promiseId: ids.promise, asOf: KNOWN_AT };

/** The facts of a promise delivered after `minutes` business minutes, at `at`. */
export function deliveredFacts(
  minutes: number,
  options: {
    at?: Instant;
    promiseId?: string;
    status?: 'on_time' | 'late';
    clockMinutes?: number;
  } = {},
): ResolutionFacts {
  const at = options.at ?? '2026-03-05T12:00:00.000Z';
  return {
    ...base,
    promiseId: options.promiseId ?? ids.promise,
    status: options.status ?? 'on_time',
    fulfilledAt: at,
    fulfilledMinutes: minutes,
    closedAt: at,
    closedMinutes: minutes,
    clockMinutes: options.clockMinutes ?? Math.max(LONG_AGO_MINUTES, minutes),
  };
}

/** The facts of a promise closed unfulfilled (missed, released, cancelled) after `minutes`. */
export function closedUnfulfilledFacts(
  status: 'missed' | 'released' | 'cancelled',
  minutes: number,
  at: Instant = '2026-03-05T12:00:00.000Z',
): ResolutionFacts {
  return {
    ...base,
    status,
    fulfilledAt: null,
    fulfilledMinutes: null,
    closedAt: at,
    closedMinutes: minutes,
    clockMinutes: Math.max(LONG_AGO_MINUTES, minutes),
  };
}

/** The facts of a promise still open after `minutes` (null: its clock has not started). */
export function openFacts(minutes: number | null, asOf: Instant = KNOWN_AT): ResolutionFacts {
  return {
    ...base,
    asOf,
    status: 'open',
    fulfilledAt: null,
    fulfilledMinutes: null,
    closedAt: null,
    closedMinutes: null,
    clockMinutes: minutes,
  };
}

/** The levels of the generated histories, with the standard normal quantile of each. */
const generatedLevels = [0.5, 0.8, 0.9, 0.95] as const;

/** Log-normal p-quantiles exp(μ + σ·z_p) as a forecast's levels. */
export function logNormalLevels(mu: number, sigma: number): DurationQuantile[] {
  return generatedLevels.map((level) => ({
    level,
    reached: true,
    minutes: Math.exp(mu + sigma * standardNormalQuantile[level]),
  }));
}

/** A generated history: forecasts and what became of their promises. */
export interface GeneratedForecastHistory {
  forecasts: CalibrationForecast[];
  facts: ResolutionFacts[];
}

/**
 * `n` promises of `kind` whose true durations are log-normal(μ, σ) (seeded), each forecast by the
 * quantiles of log-normal(μ, `forecastSigma`): σ itself for a calibrated forecaster, σ/2 for one
 * whose intervals are too narrow. Every promise is delivered.
 */
export function generatedForecastHistory(options: {
  kind: PromiseKind;
  n: number;
  seed: number;
  mu: number;
  sigma: number;
  forecastSigma: number;
  /** Offset for the promise ids, so that histories of several kinds can be merged. */
  firstId?: number;
}): GeneratedForecastHistory {
  const random = seededRandom(options.seed);
  const levels = logNormalLevels(options.mu, options.forecastSigma);
  const forecasts: CalibrationForecast[] = [];
  const facts: ResolutionFacts[] = [];
  for (let i = 0; i < options.n; i++) {
    const number = (options.firstId ?? 0) + i + 1;
    const promiseId = numberedId(2, number);
    const minutes = logNormalDraw(random, options.mu, options.sigma);
    forecasts.push(
      aCalibrationForecast({
        id: numberedId(1, number),
        promiseId,
        kind: options.kind,
        levels,
        chosenDate: null,
      }),
    );
    facts.push(deliveredFacts(minutes, { promiseId }));
  }
  return { forecasts, facts };
}
