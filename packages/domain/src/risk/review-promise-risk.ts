import type { SurvivalCurve } from '../calibration/kaplan-meier.ts';
import type { Instant } from '../shared/instant.ts';
import type { OpenPromiseTiming } from './open-promise-timing.ts';
import { assessPromiseRisk, type PromiseRiskAssessment } from './promise-risk.ts';
import type { RiskSettings } from './risk-settings.ts';
import { draftSlipNotice, type SlipNoticeDraft } from './slip-notice.ts';

/** The risk review of one open promise: the assessment, and a drafted notice when it is at risk. */
export interface PromiseRiskReview {
  assessment: PromiseRiskAssessment;
  notice: SlipNoticeDraft | null;
}

/**
 * Reviews an open promise against its calibration curve: at risk when 1 − S(due)/S(elapsed) is
 * below the threshold (or overdue, or beyond the record), and then a customer notice is drafted.
 */
export function reviewPromiseRisk(options: {
  promise: OpenPromiseTiming;
  curve: SurvivalCurve;
  settings: RiskSettings;
  addBusinessMinutes: (start: Instant, minutes: number) => Instant;
  timeZone: string;
  contactName?: string | null;
  reason?: string | null;
  alternatives?: readonly string[] | null;
}): PromiseRiskReview {
  const assessment = assessPromiseRisk(options);
  if (!assessment.atRisk) return { assessment, notice: null };
  return { assessment, notice: draftSlipNotice({ ...options, assessment }) };
}
