import {
  companyScope,
  type Database,
  enqueueJob,
  findTrustEvidence,
  listTrustEvidence,
  type TrustScopeRef,
  upsertTrustHistory,
} from '@steadfast/db';
import type { Kysely } from 'kysely';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { companyPrior, scoreOf, startingReliability } from '../analytics/trust-scores.ts';
import type { JobContext } from './job-kinds.ts';

export const trustSnapshotJobKind = 'trust_snapshot';

/**
 * Keeps the day's trust score of every account, manager and the company (UTC day), so trends can
 * be drawn without recomputing the past. Charter compliance is not part of the daily record.
 */
export async function snapshotTrustScores(
  _payload: unknown,
  context: JobContext,
): Promise<{ scopes: number }> {
  const { db } = context;
  const now = context.now();
  const day = now.slice(0, 10);
  const { settings } = await loadAnalyticsSettings(db);
  const prior = await companyPrior(db, settings, now);
  let scopes = 0;
  const keep = async (scope: TrustScopeRef, score: ReturnType<typeof scoreOf>) => {
    await upsertTrustHistory(db, scope, {
      day,
      score: score.score,
      low: score.interval.low,
      high: score.interval.high,
    });
    scopes += 1;
  };
  const company = await findTrustEvidence(db, companyScope);
  await keep(
    companyScope,
    scoreOf(company, { prior: { typicalReliability: startingReliability }, settings, now }),
  );
  for (const type of ['account', 'manager', 'team'] as const) {
    for (const { scopeId, evidence } of await listTrustEvidence(db, type)) {
      await keep({ type, id: scopeId }, scoreOf(evidence, { prior, settings, now }));
    }
  }
  return { scopes };
}

/** Schedules today's snapshot once, however many instances schedule it. */
export async function scheduleTrustSnapshots(options: {
  db: Kysely<Database>;
  now: string;
}): Promise<boolean> {
  return enqueueJob(options.db, {
    id: `${trustSnapshotJobKind}:${options.now.slice(0, 10)}`,
    kind: trustSnapshotJobKind,
    payload: {},
    runAt: options.now,
    now: options.now,
  });
}
