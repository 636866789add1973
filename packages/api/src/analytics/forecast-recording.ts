import { type Db, insertForecast } from '@steadfast/db';
import {
  type AnalyticsSettings,
  calibrate,
  calibrationForecastFrom,
  checkProposedDue,
  type Instant,
  type PromiseMeasures,
  type PromiseRiskAssessment,
  type PromiseState,
  type RiskForecastOccasion,
  riskForecastFrom,
} from '@steadfast/domain';
import { loadCalibrationRecords } from './calibration-records.ts';

/**
 * Records the calibration range Steadfast had for a promise when it was captured (the 50/80/90/95%
 * durations and the chance it gave the chosen due), so its own forecasts can be audited later.
 * A promise awaiting its condition has no clock yet, so nothing is forecast for it then; nor for
 * one posted by an integration, which was shown no range.
 */
export async function recordCaptureForecast(options: {
  db: Db;
  state: PromiseState;
  measures: PromiseMeasures;
  settings: AnalyticsSettings;
  now: Instant;
  newId: () => string;
}): Promise<void> {
  const { db, state, settings } = options;
  if (state.clockStartedAt === null || options.measures.promisedMinutes === null) return;
  // A range is shown to a person capturing a promise; an integration posting promises sees none,
  // so there is no forecast of Steadfast's to hold it to (and ingest stays a plain write).
  if (state.terms.source.type !== 'manual') return;
  const question = {
    kind: state.terms.kind,
    accountId: state.terms.accountId,
    ownerId: state.terms.ownerId,
  };
  const records = await loadCalibrationRecords({
    db,
    question,
    settings,
    now: options.now,
    excludePromiseId: state.id,
  });
  const calibration = calibrate({ records, question, settings: settings.calibration });
  const check = checkProposedDue({
    calibration,
    proposedMinutes: Math.max(0, options.measures.promisedMinutes),
    settings: settings.calibration,
  });
  const forecast = calibrationForecastFrom({
    id: options.newId(),
    promiseId: state.id,
    occasion: 'capture',
    kind: state.terms.kind,
    accountId: state.terms.accountId,
    ownerId: state.terms.ownerId,
    madeAt: options.now,
    calibration,
    check,
  });
  await insertForecast(db, { type: 'calibration', forecast });
}

/**
 * Records a risk probability Steadfast computed for an open promise. Its id is fixed by promise,
 * occasion and day, so the first flag is recorded once and a review at most once a day.
 */
export async function recordRiskForecast(options: {
  db: Db;
  state: PromiseState;
  assessment: PromiseRiskAssessment;
  occasion: RiskForecastOccasion;
  dueAt: Instant;
  now: Instant;
}): Promise<void> {
  const { state } = options;
  const day = options.occasion === 'review' ? `:${options.now.slice(0, 10)}` : '';
  const forecast = riskForecastFrom({
    id: `risk:${options.occasion}:${state.id}${day}`,
    assessment: options.assessment,
    kind: state.terms.kind,
    accountId: state.terms.accountId,
    ownerId: state.terms.ownerId,
    occasion: options.occasion,
    madeAt: options.now,
    dueAt: options.dueAt,
  });
  await insertForecast(options.db, { type: 'risk', forecast });
}
