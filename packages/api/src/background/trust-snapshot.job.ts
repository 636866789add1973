import {
  companyScope,
  type Database,
  enqueueJob,
  findTrustEvidence,
  inTransaction,
  listAccounts,
  listTrustEvidence,
  recordTrustSnapshot,
  type TrustScopeRef,
  upsertTrustHistory,
} from '@steadfast/db';
import type { Kysely } from 'kysely';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { companyPrior, scoreOf, startingReliability } from '../analytics/trust-scores.ts';
import type { JobContext } from './job-kinds.ts';

export const trustSnapshotJobKind = 'trust_snapshot';

/** Scopes scored per transaction: the store's writers wait for one chunk at most, not for all. */
const chunk = 500;

/**
 * Keeps the day's trust score of every account (those with no closed promise yet too: they stand
 * at the prior), manager, team and the company (UTC day), so trends can be drawn without
 * recomputing the past and the ranking can be read in score order. Taken hourly: the day's row
 * holds its latest score. Charter compliance is not part of the record. The snapshot is noted as
 * taken (with the instant it started) once every score is written, so a reader of the latest
 * snapshot never sees a half-written one.
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
  const points: { scope: TrustScopeRef; score: ReturnType<typeof scoreOf> }[] = [];
  const company = await findTrustEvidence(db, companyScope);
  points.push({
    scope: companyScope,
    score: scoreOf(company, { prior: { typicalReliability: startingReliability }, settings, now }),
  });
  const accountEvidence = new Map(
    (await listTrustEvidence(db, 'account')).map((row) => [row.scopeId, row.evidence]),
  );
  for (const { id } of await listAccounts(db)) {
    points.push({
      scope: { type: 'account', id },
      score: scoreOf(accountEvidence.get(id), { prior, settings, now }),
    });
  }
  for (const type of ['manager', 'team'] as const) {
    for (const { scopeId, evidence } of await listTrustEvidence(db, type)) {
      points.push({
        scope: { type, id: scopeId },
        score: scoreOf(evidence, { prior, settings, now }),
      });
    }
  }
  for (let start = 0; start < points.length; start += chunk) {
    await inTransaction(db, async (trx) => {
      for (const { scope, score } of points.slice(start, start + chunk)) {
        await upsertTrustHistory(trx, scope, {
          day,
          score: score.score,
          low: score.interval.low,
          high: score.interval.high,
        });
      }
    });
  }
  await recordTrustSnapshot(db, { day, takenAt: now });
  return { scopes: points.length };
}

/** Schedules this hour's snapshot once, however many instances schedule it. */
export async function scheduleTrustSnapshots(options: {
  db: Kysely<Database>;
  now: string;
}): Promise<boolean> {
  return enqueueJob(options.db, {
    id: `${trustSnapshotJobKind}:${options.now.slice(0, 13)}`,
    kind: trustSnapshotJobKind,
    payload: {},
    runAt: options.now,
    now: options.now,
  });
}
