import quantile from '@stdlib/stats-base-dists-beta-quantile';
import { describeBusinessMinutes } from '../calibration/business-duration-words.ts';
import { formatShare } from '../calibration/share-words.ts';
import type { TrustEvidence } from './trust-evidence.ts';
import type { TrustPrior, TrustSettings } from './trust-settings.ts';

/** The Beta posterior of "this account keeps its promises", with its credible interval. */
export interface ReliabilityEstimate {
  alpha: number;
  beta: number;
  /** α / (α + β). */
  mean: number;
  low: number;
  high: number;
}

/** Reliability's Beta parameters and mean α/(α+β), without its credible bounds (cheap). */
export function reliabilityMean(
  evidence: TrustEvidence,
  prior: TrustPrior,
  settings: TrustSettings,
): { alpha: number; beta: number; mean: number } {
  const alpha = settings.priorWeight * prior.typicalReliability + evidence.positive;
  const beta = settings.priorWeight * (1 - prior.typicalReliability) + evidence.negative;
  return { alpha, beta, mean: alpha / (alpha + beta) };
}

/**
 * How reliably promises are kept: Beta(α, β) with α = k·p₀ + Σr and β = k·(1 − p₀) + Σs (prior
 * p₀ = typical reliability worth k promises); mean α/(α+β), interval from the Beta quantiles.
 */
export function estimateReliability(
  evidence: TrustEvidence,
  prior: TrustPrior,
  settings: TrustSettings,
): ReliabilityEstimate {
  const { alpha, beta, mean } = reliabilityMean(evidence, prior, settings);
  const tail = (1 - settings.credibleMass) / 2;
  return {
    alpha,
    beta,
    mean,
    low: quantile(tail, alpha, beta),
    high: quantile(1 - tail, alpha, beta),
  };
}

/**
 * How steadily deliveries meet their deadline: 2^(−RMS/h), RMS = √(Σw·ℓ² / (Σw + k)) the
 * root-mean-square lateness around the promise (on time = 0; k on-time pseudo-deliveries).
 */
export function consistencyOf(evidence: TrustEvidence, settings: TrustSettings): number {
  const rms = rootMeanSquareLateness(evidence, settings);
  return 2 ** (-rms / settings.consistencyHalvingMinutes);
}

/** √(Σw·ℓ² / (Σw + k)): lateness around the promise, smoothed by k on-time pseudo-deliveries. */
export function rootMeanSquareLateness(evidence: TrustEvidence, settings: TrustSettings): number {
  return Math.sqrt(evidence.latenessSquaredSum / (evidence.deliveredWeight + settings.priorWeight));
}

/**
 * How often the customer heard of a slip before its deadline: (A + k·q₀) / (A + S + k), with A
 * and S the importance-weighted announced and silent slips and q₀ the prior share worth k slips.
 */
export function proactivityOf(evidence: TrustEvidence, settings: TrustSettings): number {
  const k = settings.priorWeight;
  return (
    (evidence.announcedSlipWeight + k * settings.proactivityPriorShare) /
    (evidence.announcedSlipWeight + evidence.silentSlipWeight + k)
  );
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** The reliability in plain words: what was kept, what was not, and how it is weighed. */
export function describeReliability(
  evidence: TrustEvidence,
  prior: TrustPrior,
  estimate: ReliabilityEstimate,
  settings: TrustSettings,
): string {
  const start = `the typical reliability of ${formatShare(prior.typicalReliability)} for this kind of work, worth ${plural(settings.priorWeight, 'promise')}`;
  if (evidence.outcomes === 0) {
    return `No closed promises yet: starting from ${start}, so the range is wide.`;
  }
  const { counts } = evidence;
  const kept = counts.early + counts.on_time;
  const others = [
    counts.late > 0 ? `${counts.late} late` : null,
    counts.renegotiated_kept > 0 ? `${counts.renegotiated_kept} renegotiated and kept` : null,
    counts.missed > 0 ? `${counts.missed} missed` : null,
    counts.released > 0 ? `${counts.released} released by the customer` : null,
    counts.cancelled > 0 ? `${counts.cancelled} cancelled` : null,
  ].filter((part): part is string => part !== null);
  const rest = others.length > 0 ? `; ${others.join(', ')}` : '';
  return (
    `${kept} of ${plural(evidence.outcomes, 'closed promise')} kept on time or early${rest}. ` +
    `Weighted by importance and age (half-life ${settings.halfLifeDays} days) from ${start}: ` +
    `${formatShare(estimate.mean)} likely kept.`
  );
}

/** The consistency in plain words: how late deliveries ran, on average and around the promise. */
export function describeConsistency(evidence: TrustEvidence, settings: TrustSettings): string {
  if (evidence.latenessSquaredSum === 0) return 'Every delivery came on time or early.';
  const words = (minutes: number) => describeBusinessMinutes(minutes, settings.businessDayMinutes);
  const mean = evidence.latenessSum / evidence.deliveredWeight;
  const rms = rootMeanSquareLateness(evidence, settings);
  return (
    `Deliveries ran ${words(mean)} late on average, ${words(rms)} root-mean-square around ` +
    `the promise (erratic lateness counts more than steady); consistency halves every ` +
    `${words(settings.consistencyHalvingMinutes)} of it.`
  );
}

/** The proactivity in plain words: "3 of 4 slips were announced before the due". */
export function describeProactivity(evidence: TrustEvidence): string {
  const verb = evidence.slips === 1 ? 'was' : 'were';
  const weighted =
    evidence.announcedSlipWeight / (evidence.announcedSlipWeight + evidence.silentSlipWeight);
  return (
    `${evidence.announcedSlips} of ${plural(evidence.slips, 'slip')} ${verb} announced to the ` +
    `customer before the due (${formatShare(weighted)} weighted by importance).`
  );
}
