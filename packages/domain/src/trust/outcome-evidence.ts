import type { ClosedOutcome } from '../outcome/promise-outcome.ts';
import type { TrustSettings } from './trust-settings.ts';

/** One piece of negative evidence an outcome carries, and why (per unit of the outcome's weight). */
export interface Blame {
  reason: 'renegotiation' | 'lateness' | 'miss' | 'cancellation';
  amount: number;
  /** Was the slip announced before its deadline? Null for a cancellation in time (not a slip). */
  announced: boolean | null;
}

/** What one closed outcome adds to an account's trust evidence, at full (undecayed) weight. */
export interface OutcomeEvidence {
  /** The outcome's importance weight. */
  weight: number;
  /** Positive evidence r = weight when delivered (in full, however late), else 0. */
  positive: number;
  /** Negative evidence s = weight × the sum of its blame. */
  negative: number;
  /** Delivered in full (early, on time, late, renegotiated-and-kept): counts for consistency. */
  delivered: boolean;
  /** Business minutes late against the deadline in force (0 unless late). */
  lateness: number;
  announcedSlips: number;
  silentSlips: number;
  blame: Blame[];
}

const deliveredKinds: ReadonlySet<ClosedOutcome['kind']> = new Set([
  'early',
  'on_time',
  'late',
  'renegotiated_kept',
]);

/**
 * The evidence one closed outcome gives about keeping promises: r = w if delivered, s = w · Σ blame,
 * where a renegotiation slip blames ρ, lateness ℓ/L, a miss (1 + overdue/L) (× partial factor if
 * a part came), each × the announced factor when the customer was told before the deadline.
 */
export function outcomeEvidence(outcome: ClosedOutcome, settings: TrustSettings): OutcomeEvidence {
  const { blame: rules } = settings;
  const weight = settings.importanceWeights[outcome.importance];
  const announcedShare = (announced: boolean) => (announced ? rules.announcedFactor : 1);
  const blame: Blame[] = [];

  for (const slip of outcome.slips) {
    if (slip.cause !== 'renegotiated') continue;
    blame.push({
      reason: 'renegotiation',
      amount: rules.renegotiation * announcedShare(slip.announced),
      announced: slip.announced,
    });
  }
  const passedAnnounced = outcome.slips.find((slip) => slip.cause === 'passed')?.announced ?? false;
  const perMinute = 1 / rules.fullBlameLatenessMinutes;
  let lateness = 0;
  switch (outcome.kind) {
    case 'late':
      lateness = outcome.lateByMinutes;
      blame.push({
        reason: 'lateness',
        amount: lateness * perMinute * announcedShare(passedAnnounced),
        announced: passedAnnounced,
      });
      break;
    case 'missed':
      blame.push({
        reason: 'miss',
        amount:
          (rules.miss + outcome.overdueByMinutes * perMinute) *
          announcedShare(passedAnnounced) *
          (outcome.partlyDelivered ? rules.partialDeliveryFactor : 1),
        announced: passedAnnounced,
      });
      break;
    case 'released':
    case 'cancelled':
      // Closing a promise once its deadline has gone by does not hide the miss: it is scored as one.
      if (outcome.afterDeadline) {
        blame.push({
          reason: 'miss',
          amount:
            (rules.miss + outcome.overdueByMinutes * perMinute) * announcedShare(passedAnnounced),
          announced: passedAnnounced,
        });
      } else if (outcome.kind === 'cancelled') {
        blame.push({ reason: 'cancellation', amount: rules.cancellation, announced: null });
      }
      break;
    default:
      break;
  }

  const delivered = deliveredKinds.has(outcome.kind);
  const announcedSlips = outcome.slips.filter((slip) => slip.announced).length;
  return {
    weight,
    positive: delivered ? weight : 0,
    negative: weight * blame.reduce((sum, item) => sum + item.amount, 0),
    delivered,
    lateness,
    announcedSlips,
    silentSlips: outcome.slips.length - announcedSlips,
    blame,
  };
}
