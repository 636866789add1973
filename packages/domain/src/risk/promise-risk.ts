import { describeBusinessMinutes } from '../calibration/business-duration-words.ts';
import { assertDurationMinutes } from '../calibration/calibration-record.ts';
import { type SurvivalCurve, survivalAt } from '../calibration/kaplan-meier.ts';
import { formatShare } from '../calibration/share-words.ts';
import { chanceOfKeepingGiven } from '../calibration/survival-queries.ts';
import type { Instant } from '../shared/instant.ts';
import type { OpenPromiseTiming } from './open-promise-timing.ts';
import type { RiskSettings } from './risk-settings.ts';

/**
 * Where the chance comes from. `history`: the calibration curve. `overdue`: the due has passed,
 * so the chance is 0. `beyond_record`: no comparable promise stayed open this long, so the record
 * cannot give a chance (very risky). `no_record`: nothing comparable was ever fulfilled.
 */
export type RiskBasis = 'history' | 'overdue' | 'beyond_record' | 'no_record';

/** How a progress milestone was treated, and why, so the figure can be explained. */
export interface MilestoneTreatment {
  milestone: string;
  at: Instant;
  treatment: 'not_used_in_chance';
  why: string;
}

/** The verdict on one open promise, with every number it rests on. */
export interface PromiseRiskAssessment {
  promiseId: string;
  basis: RiskBasis;
  /** P(fulfilled by the due | still open now); null when the record cannot say. */
  chanceOfKeeping: number | null;
  threshold: number;
  atRisk: boolean;
  elapsedMinutes: number;
  dueMinutes: number;
  /** S(elapsed): the share of comparable promises still unfulfilled this far in. */
  survivalAtElapsed: number;
  /** S(due): the share still unfulfilled at the due. */
  survivalAtDue: number;
  explanation: string;
  milestone: MilestoneTreatment | null;
}

const MILESTONE_WHY =
  'The history calibration learns from records when promises were fulfilled, not when their ' +
  'milestones were reached, so there is nothing to condition on: the chance is the same as ' +
  'without the milestone. It is mentioned in the customer notice.';

/**
 * Whether an open promise is at risk: its chance of being kept by the due, given it is still open
 * after the time elapsed, 1 − S(due)/S(elapsed), is below the threshold; overdue counts as 0, and
 * S(elapsed) = 0 (beyond the record) as at risk with no chance given.
 */
export function assessPromiseRisk(options: {
  promise: OpenPromiseTiming;
  curve: SurvivalCurve;
  settings: RiskSettings;
}): PromiseRiskAssessment {
  const { promise, curve, settings } = options;
  const { elapsedMinutes, dueMinutes } = promise;
  assertDurationMinutes(elapsedMinutes, 'promise.elapsedMinutes');
  assertDurationMinutes(dueMinutes, 'promise.dueMinutes');
  const words = (minutes: number) => describeBusinessMinutes(minutes, settings.businessDayMinutes);
  const survivalAtElapsed = survivalAt(curve, elapsedMinutes);
  const survivalAtDue = survivalAt(curve, dueMinutes);
  const threshold = settings.atRiskBelow;
  const milestone = promise.lastMilestone
    ? { ...promise.lastMilestone, treatment: 'not_used_in_chance' as const, why: MILESTONE_WHY }
    : null;
  const base = {
    promiseId: promise.promiseId,
    threshold,
    elapsedMinutes,
    dueMinutes,
    survivalAtElapsed,
    survivalAtDue,
    milestone,
  };

  if (elapsedMinutes >= dueMinutes) {
    return {
      ...base,
      basis: 'overdue',
      chanceOfKeeping: 0,
      atRisk: true,
      explanation: `Overdue: open for ${words(elapsedMinutes)} on a promise of ${words(dueMinutes)}, so it can no longer be kept on time.`,
    };
  }
  if (curve.events === 0) {
    return {
      ...base,
      basis: 'no_record',
      chanceOfKeeping: null,
      atRisk: false,
      explanation:
        'No comparable promise has been fulfilled yet, so there is no record to judge the risk by; not flagged.',
    };
  }
  const chance = chanceOfKeepingGiven(curve, elapsedMinutes, dueMinutes);
  if (chance === null) {
    return {
      ...base,
      basis: 'beyond_record',
      chanceOfKeeping: null,
      atRisk: true,
      explanation:
        `Beyond the record: every comparable promise on record was fulfilled within ` +
        `${words(elapsedMinutes)} (or left the record sooner), and this one is still open, so ` +
        `the record cannot give a chance. Treat it as very risky.`,
    };
  }
  const atRisk = chance < threshold;
  return {
    ...base,
    basis: 'history',
    chanceOfKeeping: chance,
    atRisk,
    explanation:
      `Of comparable promises still open after ${words(elapsedMinutes)}, ${formatShare(chance)} ` +
      `were fulfilled by ${words(dueMinutes)}, its due: ` +
      `${atRisk ? 'below' : 'not below'} the ${formatShare(threshold)} threshold.`,
  };
}
