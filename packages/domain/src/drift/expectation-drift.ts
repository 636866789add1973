import { describeBusinessMinutes } from '../calibration/business-duration-words.ts';
import { promiseKindPlural } from '../calibration/kind-words.ts';
import { formatShare } from '../calibration/share-words.ts';
import type { PromiseKind } from '../promise/promise-terms.ts';
import { DomainError } from '../shared/domain-error.ts';
import type { DriftSettings } from './drift-settings.ts';
import { median } from './median.ts';

/** One fulfilled promise of the account and kind: what was promised and what it took. */
export interface FulfilledDuration {
  /** Business minutes from the clock start to the due that was promised. */
  promisedMinutes: number;
  /** Business minutes from the clock start to fulfilment. */
  actualMinutes: number;
}

/** What was looked at: the last `window` fulfilled promises, and how many ran well ahead. */
export interface DriftEvidence {
  window: number;
  considered: number;
  aheadCount: number;
  minAhead: number;
  aheadRatio: number;
}

/**
 * `drifted`: delivery has consistently run well ahead of the promise, so the customer probably now
 * expects about `expectedMinutes`. Otherwise why not: too few fulfilled promises to tell, or
 * delivery is not consistently ahead (on time, mixed, or late).
 */
export type ExpectationDrift =
  | ({ drifted: false; reason: 'too_little_data' | 'not_consistently_ahead' } & DriftEvidence)
  | ({
      drifted: true;
      /** The customer's effective expectation: the median of the recent actual durations. */
      expectedMinutes: number;
      /** The median of the recent promised durations. */
      typicalPromisedMinutes: number;
      message: string;
      suggestion: string;
    } & DriftEvidence);

function assertDurations(fulfilled: readonly FulfilledDuration[]): void {
  fulfilled.forEach((entry, index) => {
    const promisedOk = Number.isFinite(entry.promisedMinutes) && entry.promisedMinutes > 0;
    const actualOk = Number.isFinite(entry.actualMinutes) && entry.actualMinutes >= 0;
    if (promisedOk && actualOk) return;
    throw new DomainError({
      code: 'invalid_duration',
      kind: 'invalid',
      field: `fulfilled.${index}.${promisedOk ? 'actualMinutes' : 'promisedMinutes'}`,
      message: promisedOk
        ? 'must be a finite, non-negative number of business minutes'
        : 'must be a finite, positive number of business minutes',
    });
  });
}

/**
 * Whether over-delivery has reset the customer's bar: drift when at least `minAhead` of the last
 * `window` fulfilled promises took ≤ `aheadRatio` × the promised time; the expectation is then
 * the median of those recent actual durations.
 */
export function detectExpectationDrift(options: {
  accountName: string;
  kind: PromiseKind;
  /** The account's fulfilled promises of this kind, oldest first, newest last. */
  fulfilled: readonly FulfilledDuration[];
  settings: DriftSettings;
}): ExpectationDrift {
  const { accountName, kind, settings } = options;
  assertDurations(options.fulfilled);
  const recent = options.fulfilled.slice(-settings.window);
  // The slack keeps "exactly 70%" ahead when 0.7 × promised rounds a hair below the actual.
  const aheadCount = recent.filter(
    (entry) => entry.actualMinutes <= settings.aheadRatio * entry.promisedMinutes * (1 + 1e-12),
  ).length;
  const evidence: DriftEvidence = {
    window: settings.window,
    considered: recent.length,
    aheadCount,
    minAhead: settings.minAhead,
    aheadRatio: settings.aheadRatio,
  };

  if (recent.length < settings.window) {
    return { drifted: false, reason: 'too_little_data', ...evidence };
  }
  if (aheadCount < settings.minAhead) {
    return { drifted: false, reason: 'not_consistently_ahead', ...evidence };
  }

  // The median of every recent delivery, not only the early ones: it is what the customer has
  // come to see as normal, and one slow delivery among them does not move it.
  const expectedMinutes = median(recent.map((entry) => entry.actualMinutes));
  const typicalPromisedMinutes = median(recent.map((entry) => entry.promisedMinutes));
  const words = (minutes: number) => describeBusinessMinutes(minutes, settings.businessDayMinutes);
  const message =
    `${accountName} has had ${promiseKindPlural(kind)} in about ${words(expectedMinutes)} on ` +
    `promises of ${words(typicalPromisedMinutes)} (${aheadCount} of the last ${recent.length} in ` +
    `at most ${formatShare(settings.aheadRatio)} of the promised time); they may now expect about ` +
    `${words(expectedMinutes)}, and a delivery merely on time may disappoint.`;
  const suggestion =
    `Promise closer to what you deliver (about ${words(expectedMinutes)}), or tell ${accountName} ` +
    `plainly that ${words(typicalPromisedMinutes)} is the norm and the recent speed is not guaranteed.`;
  return {
    drifted: true,
    expectedMinutes,
    typicalPromisedMinutes,
    message,
    suggestion,
    ...evidence,
  };
}
