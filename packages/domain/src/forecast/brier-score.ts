import { type PromiseKind, promiseKinds } from '../promise/promise-terms.ts';

/** One resolved probability forecast: the chance given, and whether the event happened (o). */
export interface ScoredProbability {
  kind: PromiseKind;
  probability: number;
  outcome: 0 | 1;
  /** Made at or after the due (risk forecasts); null where the question does not arise. */
  madeAfterDue: boolean | null;
}

/**
 * A naive forecaster to beat. `base_rate`: always the kind's share kept, ō. `past_due`: "at risk
 * once past due", 0 when made at or after the due, else ō.
 */
export type BrierBaselineName = 'base_rate' | 'past_due';

export interface BrierBaseline {
  name: BrierBaselineName;
  /** Its Brier score over the same forecasts. */
  score: number;
  /** 1 − BS / BS_ref: 1 is perfect, 0 no better than the baseline, below 0 worse; null if BS_ref = 0. */
  skill: number | null;
}

/** The Brier score of the forecasts of one kind (or all kinds: `kind` null), beside the baselines. */
export interface BrierRow {
  kind: PromiseKind | null;
  n: number;
  /** mean (p − o)²; null when nothing was resolved. */
  brierScore: number | null;
  /** ō: the share of these forecasts whose promise was kept; null when n = 0. */
  baseRate: number | null;
  baselines: BrierBaseline[];
}

export interface BrierReport {
  overall: BrierRow;
  byKind: BrierRow[];
}

/** mean (p − o)² over the items, with p from `probabilityOf`. */
function meanSquaredError(
  items: readonly ScoredProbability[],
  probabilityOf: (item: ScoredProbability) => number,
): number {
  const total = items.reduce((sum, item) => sum + (probabilityOf(item) - item.outcome) ** 2, 0);
  return total / items.length;
}

/** Brier skill 1 − BS/BS_ref; null when the reference is perfect (nothing to improve on). */
export function brierSkill(score: number, reference: number): number | null {
  return reference === 0 ? null : 1 - score / reference;
}

function baseRateOf(items: readonly ScoredProbability[]): number {
  return items.reduce((sum, item) => sum + item.outcome, 0) / items.length;
}

function brierRow(
  kind: PromiseKind | null,
  items: readonly ScoredProbability[],
  baseRates: ReadonlyMap<PromiseKind, number>,
): BrierRow {
  if (items.length === 0) return { kind, n: 0, brierScore: null, baseRate: null, baselines: [] };
  const score = meanSquaredError(items, (item) => item.probability);
  // Each forecast's reference is its own kind's base rate, so the overall baseline is the
  // n-weighted mean of the kinds' baselines: a mix of kinds does not flatter the forecaster.
  const rateOf = (item: ScoredProbability) => baseRates.get(item.kind) ?? 0;
  const baseRateScore = meanSquaredError(items, rateOf);
  const baselines: BrierBaseline[] = [
    { name: 'base_rate', score: baseRateScore, skill: brierSkill(score, baseRateScore) },
  ];
  if (items.some((item) => item.madeAfterDue !== null)) {
    const pastDueScore = meanSquaredError(items, (item) =>
      item.madeAfterDue === true ? 0 : rateOf(item),
    );
    baselines.push({
      name: 'past_due',
      score: pastDueScore,
      skill: brierSkill(score, pastDueScore),
    });
  }
  return { kind, n: items.length, brierScore: score, baseRate: baseRateOf(items), baselines };
}

/**
 * The Brier score BS = mean (p − o)² of resolved probability forecasts, per kind and overall,
 * beside naive baselines (the kind's base rate ō; "at risk once past due") and the skill 1 − BS/BS_ref.
 */
export function brierScores(items: readonly ScoredProbability[]): BrierReport {
  const byKindItems = promiseKinds
    .map((kind) => ({ kind, items: items.filter((item) => item.kind === kind) }))
    .filter((group) => group.items.length > 0);
  const baseRates = new Map(byKindItems.map((group) => [group.kind, baseRateOf(group.items)]));
  return {
    overall: brierRow(null, items, baseRates),
    byKind: byKindItems.map((group) => brierRow(group.kind, group.items, baseRates)),
  };
}
