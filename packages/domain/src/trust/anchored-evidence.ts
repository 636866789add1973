import { isClosedOutcome, type PromiseOutcome } from '../outcome/promise-outcome.ts';
import { type Instant, instantMs } from '../shared/instant.ts';
import {
  addOutcome,
  emptyEvidence,
  scaleDecayedSums,
  type TrustEvidence,
} from './trust-evidence.ts';
import type { TrustSettings } from './trust-settings.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The fixed instant stored evidence is expressed at. Each outcome's decayed parts are stored
 * scaled by 2^((closedAt − anchor)/halfLife), so adding one is a plain sum (an atomic
 * `x = x + Δ` in any database, safe under concurrent writers) and reading at `now` is one
 * decay: 2^(−(now − anchor)/halfLife) · stored = Σ cᵢ · 2^(−(now − closedᵢ)/halfLife).
 */
export const evidenceAnchor: Instant = '2020-01-01T00:00:00.000Z';

/**
 * One closed promise's evidence, expressed at the anchor (see `evidenceAnchor`); null for a
 * promise still open, which is no evidence yet.
 */
export function anchoredContribution(
  outcome: PromiseOutcome,
  settings: TrustSettings,
): TrustEvidence | null {
  if (!isClosedOutcome(outcome)) return null;
  const atClose = addOutcome(emptyEvidence(), outcome, settings);
  const growth =
    2 **
    ((instantMs(outcome.closedAt) - instantMs(evidenceAnchor)) / (settings.halfLifeDays * DAY_MS));
  return { ...scaleDecayedSums(atClose, growth), asOf: evidenceAnchor };
}

/**
 * Stored evidence as it stood before some closings were added: every sum minus theirs (all at the
 * anchor, so subtraction is exact). Gives a scope's evidence at any past instant from today's.
 */
export function evidenceWithout(
  stored: TrustEvidence,
  removed: readonly TrustEvidence[],
): TrustEvidence {
  const result: TrustEvidence = { ...stored, counts: { ...stored.counts } };
  for (const gone of removed) {
    result.positive -= gone.positive;
    result.negative -= gone.negative;
    result.deliveredWeight -= gone.deliveredWeight;
    result.latenessSum -= gone.latenessSum;
    result.latenessSquaredSum -= gone.latenessSquaredSum;
    result.announcedSlipWeight -= gone.announcedSlipWeight;
    result.silentSlipWeight -= gone.silentSlipWeight;
    result.announcedSlips -= gone.announcedSlips;
    result.slips -= gone.slips;
    result.outcomes -= gone.outcomes;
    for (const kind of Object.keys(result.counts) as (keyof TrustEvidence['counts'])[]) {
      result.counts[kind] -= gone.counts[kind];
    }
  }
  return result;
}
