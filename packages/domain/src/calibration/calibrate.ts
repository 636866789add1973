import { describeBusinessMinutesExactly } from './business-duration-words.ts';
import type { CalibrationRecord } from './calibration-record.ts';
import {
  type CalibrationQuestion,
  type CalibrationScope,
  describeScope,
  selectCalibrationScope,
} from './calibration-scope.ts';
import type { CalibrationSettings } from './calibration-settings.ts';
import { kaplanMeier, type SurvivalCurve } from './kaplan-meier.ts';
import { promiseKindPlural } from './kind-words.ts';
import { formatShare } from './share-words.ts';
import { type DurationQuantile, durationQuantile } from './survival-queries.ts';

/** One reported duration, with the sentence that explains it. */
export type CalibrationQuantile = DurationQuantile & { words: string };

/** "Can I promise this?": how long such promises really took, from which history, on how much. */
export interface Calibration {
  scope: CalibrationScope;
  /** The history the figures rest on: fulfilled promises, and censored ones (open or never kept). */
  sample: { fulfilled: number; censored: number };
  /** One per configured level, in the order configured (50/80/90/95% by default). */
  quantiles: CalibrationQuantile[];
  curve: SurvivalCurve;
}

/** One quantile in words: "80% of deliveries for this account took ≤ 7 business days (3,360 min)". */
export function describeQuantile(options: {
  quantile: DurationQuantile;
  scope: CalibrationScope;
  sample: { fulfilled: number };
  businessDayMinutes: number;
}): string {
  const { quantile, scope, businessDayMinutes } = options;
  const subject = `${promiseKindPlural(scope.kind)} ${describeScope(scope.level)}`;
  if (options.sample.fulfilled === 0) {
    return `No ${subject} have been fulfilled yet, so there is no record to go by.`;
  }
  if (quantile.reached) {
    return `${formatShare(quantile.level)} of ${subject} took ≤ ${describeBusinessMinutesExactly(quantile.minutes, businessDayMinutes)}.`;
  }
  const longest = describeBusinessMinutesExactly(quantile.moreThanMinutes, businessDayMinutes);
  return (
    `Fewer than ${formatShare(quantile.level)} of ${subject} were fulfilled within ${longest}, ` +
    `the longest on record: their ${formatShare(quantile.level)} duration is more than that.`
  );
}

/**
 * How long promises like this one really take: Kaplan–Meier over the narrowest history with
 * enough fulfilled promises, read at each level p as the smallest t with F(t) = 1 − S(t) ≥ p.
 */
export function calibrate(options: {
  records: readonly CalibrationRecord[];
  question: CalibrationQuestion;
  settings: CalibrationSettings;
}): Calibration {
  const { settings } = options;
  const { scope, records } = selectCalibrationScope({
    records: options.records,
    question: options.question,
    minFulfilled: settings.minFulfilledPerScope,
  });
  const curve = kaplanMeier(records);
  const sample = { fulfilled: curve.events, censored: curve.censored };
  const quantiles = settings.levels.map((level) => {
    const quantile = durationQuantile(curve, level);
    const words = describeQuantile({
      quantile,
      scope,
      sample,
      businessDayMinutes: settings.businessDayMinutes,
    });
    return { ...quantile, words };
  });
  return { scope, sample, quantiles, curve };
}
