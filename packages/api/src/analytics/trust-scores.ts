import { companyScope, type Db, findTrustEvidence } from '@steadfast/db';
import {
  type AnalyticsSettings,
  decayEvidence,
  emptyEvidence,
  estimateReliability,
  type Instant,
  type TrustEvidence,
  type TrustPrior,
  type TrustScore,
  trustScore,
} from '@steadfast/domain';

/** What the company prior stands at before the company has any record of its own. */
export const startingReliability = 0.85;

/**
 * The prior a new account or manager starts from: the company's own typical reliability (its
 * Beta mean now), kept within 5–95% so that a prior never rules anything out.
 */
export async function companyPrior(
  db: Db,
  settings: AnalyticsSettings,
  now: Instant,
): Promise<TrustPrior> {
  const evidence = (await findTrustEvidence(db, companyScope)) ?? emptyEvidence();
  const current = decayEvidence(evidence, now, settings.trust.halfLifeDays);
  const { mean } = estimateReliability(
    current,
    { typicalReliability: startingReliability },
    settings.trust,
  );
  return { typicalReliability: Math.min(0.95, Math.max(0.05, mean)) };
}

/** A scope's trust score now, from its stored evidence and the prior. */
export function scoreOf(
  evidence: TrustEvidence | undefined,
  options: {
    prior: TrustPrior;
    settings: AnalyticsSettings;
    now: Instant;
    /** Share of the account's charter kept (0..1); null or absent where there is no charter. */
    charterCompliance?: number | null;
  },
): TrustScore {
  return trustScore(evidence ?? emptyEvidence(), {
    prior: options.prior,
    settings: options.settings.trust,
    now: options.now,
    charterCompliance: options.charterCompliance ?? null,
  });
}
