import { formatShare } from '../calibration/share-words.ts';
import { DomainError } from '../shared/domain-error.ts';
import type { Instant } from '../shared/instant.ts';
import {
  consistencyOf,
  describeConsistency,
  describeProactivity,
  describeReliability,
  estimateReliability,
  proactivityOf,
  type ReliabilityEstimate,
  reliabilityMean,
} from './trust-components.ts';
import { decayEvidence, type TrustEvidence } from './trust-evidence.ts';
import type { TrustPrior, TrustSettings } from './trust-settings.ts';

export const trustComponentNames = [
  'reliability',
  'consistency',
  'proactivity',
  'charter',
] as const;
export type TrustComponentName = (typeof trustComponentNames)[number];

/** One part of the score: its value, its share of the score, the points it brings, and why. */
export interface TrustComponent {
  name: TrustComponentName;
  /** 0..1. */
  value: number;
  /** Its weight renormalised over the components counted: the weights shown sum to 1. */
  weight: number;
  /** Points of the 0–100 score it brings: value × weight × 100; they sum to the score. */
  contribution: number;
  explanation: string;
}

/** A trust score shown 0–100, with its credible interval and the breakdown of why. */
export interface TrustScore {
  asOf: Instant;
  /** 0–100. */
  score: number;
  /** The score with reliability at its credible bounds (the other components as they are). */
  interval: { low: number; high: number; mass: number };
  reliability: ReliabilityEstimate;
  components: TrustComponent[];
  /** Components left out of this score, and why (e.g. "nothing has slipped yet"). */
  notCounted: { name: TrustComponentName; reason: string }[];
}

interface Part {
  name: TrustComponentName;
  value: number;
  weight: number;
  explanation: string;
}

/** The parts renormalised over the weights counted, and the score they sum to. */
function weigh<P extends { value: number; weight: number }>(
  parts: readonly P[],
): { totalWeight: number; components: (P & { contribution: number })[]; score: number } {
  const totalWeight = parts.reduce((sum, part) => sum + part.weight, 0);
  const components = parts.map((part) => {
    const weight = part.weight / totalWeight;
    return { ...part, weight, contribution: 100 * weight * part.value };
  });
  const score = components.reduce((sum, component) => sum + component.contribution, 0);
  return { totalWeight, components, score };
}

function invalid(field: string, message: string): DomainError {
  return new DomainError({ code: 'invalid_trust_input', kind: 'invalid', field, message });
}

/**
 * How far customers can trust this account (or manager, team, company) to keep its promises:
 * 100 · Σ wᵢ·vᵢ / Σ wᵢ over the components counted — reliability (Beta mean), consistency,
 * proactivity, charter compliance — with the interval from reliability's credible bounds.
 */
export function trustScore(
  evidence: TrustEvidence,
  options: {
    prior: TrustPrior;
    settings: TrustSettings;
    now: Instant;
    /** Share of charter observations within target (0..1); absent when there is no charter. */
    charterCompliance?: number | null;
  },
): TrustScore {
  const { prior, settings, now } = options;
  const charter = options.charterCompliance ?? null;
  if (!(prior.typicalReliability > 0 && prior.typicalReliability < 1)) {
    throw invalid('prior.typicalReliability', 'must be greater than 0 and less than 1');
  }
  if (charter !== null && !(charter >= 0 && charter <= 1)) {
    throw invalid('charterCompliance', 'must be between 0 and 1');
  }
  const current = decayEvidence(evidence, now, settings.halfLifeDays);
  const reliability = estimateReliability(current, prior, settings);
  const weights = settings.componentWeights;

  const parts: Part[] = [
    {
      name: 'reliability',
      value: reliability.mean,
      weight: weights.reliability,
      explanation: describeReliability(current, prior, reliability, settings),
    },
  ];
  const notCounted: TrustScore['notCounted'] = [];
  if (current.deliveredWeight > 0) {
    parts.push({
      name: 'consistency',
      value: consistencyOf(current, settings),
      weight: weights.consistency,
      explanation: describeConsistency(current, settings),
    });
  } else {
    notCounted.push({ name: 'consistency', reason: 'Nothing has been delivered yet.' });
  }
  if (current.slips > 0) {
    parts.push({
      name: 'proactivity',
      value: proactivityOf(current, settings),
      weight: weights.proactivity,
      explanation: describeProactivity(current),
    });
  } else {
    notCounted.push({ name: 'proactivity', reason: 'Nothing has slipped yet.' });
  }
  if (charter !== null) {
    parts.push({
      name: 'charter',
      value: charter,
      weight: weights.charter,
      explanation: `The service charter's terms were met in ${formatShare(charter)} of the observations.`,
    });
  } else {
    notCounted.push({ name: 'charter', reason: 'No service charter is measured for it.' });
  }

  const { totalWeight, components, score } = weigh(parts);
  // Reliability enters linearly, so moving it to a bound moves the score by its weight times the gap.
  const reliabilityWeight = weights.reliability / totalWeight;
  return {
    asOf: current.asOf ?? now,
    score,
    interval: {
      low: score - 100 * reliabilityWeight * (reliability.mean - reliability.low),
      high: score + 100 * reliabilityWeight * (reliability.high - reliability.mean),
      mass: settings.credibleMass,
    },
    reliability,
    components,
    notCounted,
  };
}

/**
 * The same 0–100 score as `trustScore(...).score`, computed the same way but without the credible
 * interval (two Beta quantiles) or the words: for ranking many scopes, where only the order and
 * the shown few need the rest.
 */
export function trustScoreValue(
  evidence: TrustEvidence,
  options: {
    prior: TrustPrior;
    settings: TrustSettings;
    now: Instant;
    charterCompliance?: number | null;
  },
): number {
  const { prior, settings, now } = options;
  const charter = options.charterCompliance ?? null;
  if (!(prior.typicalReliability > 0 && prior.typicalReliability < 1)) {
    throw invalid('prior.typicalReliability', 'must be greater than 0 and less than 1');
  }
  if (charter !== null && !(charter >= 0 && charter <= 1)) {
    throw invalid('charterCompliance', 'must be between 0 and 1');
  }
  const current = decayEvidence(evidence, now, settings.halfLifeDays);
  const weights = settings.componentWeights;
  const parts = [
    { value: reliabilityMean(current, prior, settings).mean, weight: weights.reliability },
  ];
  if (current.deliveredWeight > 0)
    parts.push({ value: consistencyOf(current, settings), weight: weights.consistency });
  if (current.slips > 0)
    parts.push({ value: proactivityOf(current, settings), weight: weights.proactivity });
  if (charter !== null) parts.push({ value: charter, weight: weights.charter });
  return weigh(parts).score;
}
