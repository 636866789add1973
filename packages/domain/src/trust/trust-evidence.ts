import {
  type ClosedOutcome,
  isClosedOutcome,
  outcomeKinds,
  type PromiseOutcome,
} from '../outcome/promise-outcome.ts';
import { type Instant, instantMs } from '../shared/instant.ts';
import { type OutcomeEvidence, outcomeEvidence } from './outcome-evidence.ts';
import type { TrustSettings } from './trust-settings.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export type ClosedOutcomeKind = ClosedOutcome['kind'];
const closedOutcomeKinds = outcomeKinds.filter(
  (kind): kind is ClosedOutcomeKind => kind !== 'open',
);

/**
 * Everything a trust score needs, kept as running sums so that no read replays history. The
 * first group is decayed to `asOf` (each outcome weighted w · 2^(−age/halfLife)); the slip sums
 * and counts are not (see the package README, "Trust score", "why proactivity does not decay").
 */
export interface TrustEvidence {
  /** The instant the decayed sums are valid at; null while nothing has been added. */
  asOf: Instant | null;
  /** Σ r: positive evidence (decayed). */
  positive: number;
  /** Σ s: negative evidence (decayed). */
  negative: number;
  /** Σ w over delivered outcomes (decayed). */
  deliveredWeight: number;
  /** Σ w · ℓ over delivered outcomes, ℓ = business minutes late (decayed). */
  latenessSum: number;
  /** Σ w · ℓ² over delivered outcomes (decayed). */
  latenessSquaredSum: number;
  /** Σ w over slips announced before their deadline (importance-weighted, not decayed). */
  announcedSlipWeight: number;
  /** Σ w over slips the customer was not told of in time (not decayed). */
  silentSlipWeight: number;
  announcedSlips: number;
  slips: number;
  /** Closed outcomes added, in all and by kind. */
  outcomes: number;
  counts: Record<ClosedOutcomeKind, number>;
}

/** The evidence of an account with no closed promise yet. */
export function emptyEvidence(): TrustEvidence {
  return {
    asOf: null,
    positive: 0,
    negative: 0,
    deliveredWeight: 0,
    latenessSum: 0,
    latenessSquaredSum: 0,
    announcedSlipWeight: 0,
    silentSlipWeight: 0,
    announcedSlips: 0,
    slips: 0,
    outcomes: 0,
    counts: {
      early: 0,
      on_time: 0,
      late: 0,
      renegotiated_kept: 0,
      missed: 0,
      released: 0,
      cancelled: 0,
    },
  };
}

/** The decay factor over `fromMs` → `toMs`: 2^(−Δt / halfLife). */
function decayFactor(fromMs: number, toMs: number, halfLifeDays: number): number {
  return 2 ** (-(toMs - fromMs) / (halfLifeDays * DAY_MS));
}

/**
 * The same evidence as it weighs at `to`: every decayed sum × 2^(−(to − asOf)/halfLife). Evidence
 * never grows younger: a `to` at or before `asOf` leaves it as it is.
 */
export function decayEvidence(
  evidence: TrustEvidence,
  to: Instant,
  halfLifeDays: number,
): TrustEvidence {
  if (evidence.asOf === null) return { ...evidence, asOf: to };
  const fromMs = instantMs(evidence.asOf);
  const toMs = instantMs(to);
  if (toMs <= fromMs) return evidence;
  return { ...scaleDecayedSums(evidence, decayFactor(fromMs, toMs, halfLifeDays)), asOf: to };
}

/** The evidence with its decayed sums (not the slip sums or counts) multiplied by `factor`. */
export function scaleDecayedSums(evidence: TrustEvidence, factor: number): TrustEvidence {
  return {
    ...evidence,
    positive: evidence.positive * factor,
    negative: evidence.negative * factor,
    deliveredWeight: evidence.deliveredWeight * factor,
    latenessSum: evidence.latenessSum * factor,
    latenessSquaredSum: evidence.latenessSquaredSum * factor,
  };
}

/** Adds one outcome's evidence, its decayed parts scaled by `factor` (its age's decay at asOf). */
function withEvidence(
  evidence: TrustEvidence,
  kind: ClosedOutcomeKind,
  added: OutcomeEvidence,
  factor: number,
): TrustEvidence {
  const delivered = added.delivered ? added.weight * factor : 0;
  return {
    ...evidence,
    positive: evidence.positive + added.positive * factor,
    negative: evidence.negative + added.negative * factor,
    deliveredWeight: evidence.deliveredWeight + delivered,
    latenessSum: evidence.latenessSum + delivered * added.lateness,
    latenessSquaredSum: evidence.latenessSquaredSum + delivered * added.lateness ** 2,
    announcedSlipWeight: evidence.announcedSlipWeight + added.weight * added.announcedSlips,
    silentSlipWeight: evidence.silentSlipWeight + added.weight * added.silentSlips,
    announcedSlips: evidence.announcedSlips + added.announcedSlips,
    slips: evidence.slips + added.announcedSlips + added.silentSlips,
    outcomes: evidence.outcomes + 1,
    counts: { ...evidence.counts, [kind]: evidence.counts[kind] + 1 },
  };
}

/**
 * The evidence once one more promise has closed: decayed to its closing if that is later, then
 * its r, s and slips added (an outcome closed before `asOf` is added already decayed by its age).
 * Open promises add nothing: only a closed outcome is evidence.
 */
export function addOutcome(
  evidence: TrustEvidence,
  outcome: PromiseOutcome,
  settings: TrustSettings,
): TrustEvidence {
  if (!isClosedOutcome(outcome)) return evidence;
  const added = outcomeEvidence(outcome, settings);
  const closedMs = instantMs(outcome.closedAt);
  if (evidence.asOf === null || closedMs >= instantMs(evidence.asOf)) {
    const base = decayEvidence(evidence, outcome.closedAt, settings.halfLifeDays);
    return withEvidence(base, outcome.kind, added, 1);
  }
  const factor = decayFactor(closedMs, instantMs(evidence.asOf), settings.halfLifeDays);
  return withEvidence(evidence, outcome.kind, added, factor);
}

/** Later of two optional instants. */
function later(a: Instant | null, b: Instant | null): Instant | null {
  if (a === null) return b;
  if (b === null) return a;
  return instantMs(a) >= instantMs(b) ? a : b;
}

/**
 * The evidence of a manager, team or company: the sum of their accounts' evidence, each first
 * decayed to the later of the two instants.
 */
export function combineEvidence(
  a: TrustEvidence,
  b: TrustEvidence,
  halfLifeDays: number,
): TrustEvidence {
  const asOf = later(a.asOf, b.asOf);
  if (asOf === null) return emptyEvidence();
  const x = decayEvidence(a, asOf, halfLifeDays);
  const y = decayEvidence(b, asOf, halfLifeDays);
  const counts = { ...x.counts };
  for (const kind of closedOutcomeKinds) counts[kind] += y.counts[kind];
  return {
    asOf,
    positive: x.positive + y.positive,
    negative: x.negative + y.negative,
    deliveredWeight: x.deliveredWeight + y.deliveredWeight,
    latenessSum: x.latenessSum + y.latenessSum,
    latenessSquaredSum: x.latenessSquaredSum + y.latenessSquaredSum,
    announcedSlipWeight: x.announcedSlipWeight + y.announcedSlipWeight,
    silentSlipWeight: x.silentSlipWeight + y.silentSlipWeight,
    announcedSlips: x.announcedSlips + y.announcedSlips,
    slips: x.slips + y.slips,
    outcomes: x.outcomes + y.outcomes,
    counts,
  };
}

/**
 * The evidence of a whole record at once, as of `now` (or the latest closing, if later): each
 * closed outcome weighted w · 2^(−(asOf − closedAt)/halfLife). Equals adding them one by one.
 */
export function evidenceFromOutcomes(
  outcomes: readonly PromiseOutcome[],
  now: Instant,
  settings: TrustSettings,
): TrustEvidence {
  const closed = outcomes.filter(isClosedOutcome);
  const asOf = closed.reduce<Instant>((latest, outcome) => {
    return instantMs(outcome.closedAt) > instantMs(latest) ? outcome.closedAt : latest;
  }, now);
  const asOfMs = instantMs(asOf);
  return closed.reduce<TrustEvidence>(
    (evidence, outcome) =>
      withEvidence(
        evidence,
        outcome.kind,
        outcomeEvidence(outcome, settings),
        decayFactor(instantMs(outcome.closedAt), asOfMs, settings.halfLifeDays),
      ),
    { ...emptyEvidence(), asOf },
  );
}
