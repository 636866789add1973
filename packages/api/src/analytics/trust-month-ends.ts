import {
  type Db,
  findTrustEvidence,
  listTrustContributionDaysAfter,
  type TrustScopeRef,
} from '@steadfast/db';
import {
  type AnalyticsSettings,
  emptyEvidence,
  endOfDay,
  evidenceAnchor,
  evidenceWithout,
  type Instant,
  type TrustPrior,
} from '@steadfast/domain';
import { scoreOf } from './trust-scores.ts';

export interface ReconstructedScore {
  day: string;
  score: number;
  low: number;
  high: number;
}

/**
 * A scope's score as it stood at the end of each given past day, worked out from today's
 * evidence less the contributions of promises closed on later days (one sum per UTC day of
 * closing, trust_contribution_days): for month-ends before the worker began taking snapshots.
 */
export async function reconstructDayEndScores(options: {
  db: Db;
  scope: TrustScopeRef;
  days: readonly string[];
  prior: TrustPrior;
  settings: AnalyticsSettings;
}): Promise<ReconstructedScore[]> {
  const { db, scope, days, prior, settings } = options;
  const earliest = [...days].sort()[0];
  if (earliest === undefined) return [];
  const stored = (await findTrustEvidence(db, scope)) ?? {
    ...emptyEvidence(),
    asOf: evidenceAnchor,
  };
  // Closed after the end of a day ⇔ closed on a later UTC day.
  const closingDays = await listTrustContributionDaysAfter(db, scope, earliest);
  return days.map((day) => {
    const at: Instant = endOfDay(day);
    const later = closingDays.filter((closing) => closing.day > day);
    const evidence = evidenceWithout(
      stored,
      later.map((closing) => closing.evidence),
    );
    const score = scoreOf(evidence, { prior, settings, now: at });
    return { day, score: score.score, low: score.interval.low, high: score.interval.high };
  });
}
