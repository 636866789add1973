import { DomainError } from '../shared/domain-error.ts';
import { type Instant, instantMs } from '../shared/instant.ts';
import { type BrierReport, brierScores, type ScoredProbability } from './brier-score.ts';
import type { CalibrationForecast } from './calibration-forecast.ts';
import type { ForecastAuditSettings } from './forecast-audit-settings.ts';
import {
  type CoverageDrift,
  type IntervalCoverage,
  intervalCoverage,
} from './interval-coverage.ts';
import type { ResolutionFacts } from './resolution-facts.ts';
import {
  type CalibrationForecastResolution,
  type ForecastVerdict,
  resolveCalibrationForecast,
} from './resolve-calibration-forecast.ts';
import { type RiskForecastResolution, resolveRiskForecast } from './resolve-risk-forecast.ts';
import type { RiskForecast } from './risk-forecast.ts';

/** How many forecast statements ended in each verdict. */
export type VerdictCounts = Record<ForecastVerdict, number>;

/** "How well did Steadfast's own forecasts hold?" over the forecasts made in [from, to). */
export interface ForecastAudit {
  period: { from: Instant; to: Instant };
  calibration: {
    /** Calibration forecasts counted: one per promise (its first) plus every uncaptured check. */
    forecasts: number;
    coverage: IntervalCoverage;
    /** The chance given for the chosen date against "kept by the chosen date". */
    chosenDate: { counts: VerdictCounts; brier: BrierReport };
  };
  risk: {
    forecasts: number;
    counts: VerdictCounts;
    /** Resolved forecasts the record could not put a number on (beyond the record, no record). */
    withoutChance: number;
    brier: BrierReport;
  };
  /** Every coverage outside its band, overall first, each with the kinds it comes from. */
  drifts: CoverageDrift[];
}

function countVerdicts(verdicts: readonly ForecastVerdict[]): VerdictCounts {
  const counts: VerdictCounts = { hit: 0, miss: 0, pending: 0, unresolvable: 0, not_stated: 0 };
  for (const verdict of verdicts) counts[verdict]++;
  return counts;
}

function inPeriod(madeAt: Instant, fromMs: number, toMs: number): boolean {
  const ms = instantMs(madeAt);
  return ms >= fromMs && ms < toMs;
}

/**
 * One calibration forecast per promise, its first (the range it was made on; a range shown again
 * later asks the same question twice, and two answers would count as two independent trials).
 */
function firstPerPromise(forecasts: readonly CalibrationForecast[]): CalibrationForecast[] {
  const byPromise = new Map<string, CalibrationForecast>();
  const unlinked: CalibrationForecast[] = [];
  for (const forecast of forecasts) {
    if (forecast.promiseId === null) {
      unlinked.push(forecast);
      continue;
    }
    const kept = byPromise.get(forecast.promiseId);
    const earlier =
      kept === undefined ||
      instantMs(forecast.madeAt) < instantMs(kept.madeAt) ||
      (forecast.madeAt === kept.madeAt && forecast.id < kept.id);
    if (earlier) byPromise.set(forecast.promiseId, forecast);
  }
  return [...byPromise.values(), ...unlinked];
}

function chosenDateItem(resolution: CalibrationForecastResolution): ScoredProbability[] {
  const { chosenDate, forecast } = resolution;
  if (chosenDate.chance === null) return [];
  if (chosenDate.verdict !== 'hit' && chosenDate.verdict !== 'miss') return [];
  const outcome = chosenDate.verdict === 'hit' ? 1 : 0;
  return [{ kind: forecast.kind, probability: chosenDate.chance, outcome, madeAfterDue: null }];
}

function riskItem(resolution: RiskForecastResolution): ScoredProbability[] {
  const { forecast, outcome } = resolution;
  if (forecast.chance === null || outcome === null) return [];
  const madeAfterDue = resolution.madeAfterDue;
  return [{ kind: forecast.kind, probability: forecast.chance, outcome, madeAfterDue }];
}

/**
 * Steadfast's own promises audited over the forecasts made in [from, to): interval coverage per
 * nominal level with its exact binomial band (drift outside it), and the Brier score of risk
 * probabilities and of chosen-date chances beside naive baselines, per kind and overall.
 */
export function auditForecasts(options: {
  period: { from: Instant; to: Instant };
  calibrationForecasts: readonly CalibrationForecast[];
  riskForecasts: readonly RiskForecast[];
  /** What is known of each promise now; a promise not listed is pending (nothing known yet). */
  facts: readonly ResolutionFacts[];
  settings: ForecastAuditSettings;
}): ForecastAudit {
  const { period, settings } = options;
  const fromMs = instantMs(period.from);
  const toMs = instantMs(period.to);
  if (!(fromMs < toMs)) {
    throw new DomainError({
      code: 'invalid_period',
      kind: 'invalid',
      field: 'period.to',
      message: 'must be after period.from',
    });
  }
  const factsOf = new Map(options.facts.map((facts) => [facts.promiseId, facts]));
  const lookUp = (promiseId: string | null) =>
    promiseId === null ? null : (factsOf.get(promiseId) ?? null);

  // The first forecast of each promise, then counted in the period it was made in.
  const calibrationResolutions = firstPerPromise(options.calibrationForecasts)
    .filter((forecast) => inPeriod(forecast.madeAt, fromMs, toMs))
    .map((forecast) => resolveCalibrationForecast(forecast, lookUp(forecast.promiseId)));
  const coverage = intervalCoverage(calibrationResolutions, settings);

  const riskResolutions = options.riskForecasts
    .filter((forecast) => inPeriod(forecast.madeAt, fromMs, toMs))
    .map((forecast) => resolveRiskForecast(forecast, lookUp(forecast.promiseId)));

  return {
    period: { from: period.from, to: period.to },
    calibration: {
      forecasts: calibrationResolutions.length,
      coverage,
      chosenDate: {
        counts: countVerdicts(calibrationResolutions.map((r) => r.chosenDate.verdict)),
        brier: brierScores(calibrationResolutions.flatMap(chosenDateItem)),
      },
    },
    risk: {
      forecasts: riskResolutions.length,
      counts: countVerdicts(riskResolutions.map((resolution) => resolution.verdict)),
      withoutChance: riskResolutions.filter(
        (resolution) => resolution.outcome !== null && resolution.forecast.chance === null,
      ).length,
      brier: brierScores(riskResolutions.flatMap(riskItem)),
    },
    drifts: coverage.drifts,
  };
}
