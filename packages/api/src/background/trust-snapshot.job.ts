import {
  companyScope,
  type Database,
  enqueueJob,
  findTrustEvidence,
  insertReconstructedTrustHistory,
  inTransaction,
  listAccounts,
  listTrustEvidence,
  listTrustHistory,
  recordTrustSnapshot,
  type TrustScopeRef,
  upsertTrustHistory,
} from '@steadfast/db';
import { type AnalyticsSettings, type TrustPrior, trendDays } from '@steadfast/domain';
import type { Kysely } from 'kysely';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { reconstructDayEndScores } from '../analytics/trust-month-ends.ts';
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
  await keepReconstructedMonthEnds({ db, now, prior, settings, points });
  return { scopes: points.length };
}

/** How far back the trends reach (their longest window, in months). */
const trendMonths = 24;

/**
 * The month-ends of the trends' longest window that have no score yet (the store's history began
 * before the worker took snapshots, as after an import), reconstructed once and kept, for the
 * company, the managers and the teams whose trends the leader's dashboard reads: the trend then
 * reads them instead of reconstructing each on every read. An account's trend still reconstructs
 * its own (one account at a time; ten thousand accounts times 24 months is not worth keeping).
 */
async function keepReconstructedMonthEnds(options: {
  db: JobContext['db'];
  now: string;
  prior: TrustPrior;
  settings: AnalyticsSettings;
  points: readonly { scope: TrustScopeRef }[];
}): Promise<void> {
  const { db, now, settings } = options;
  const days = trendDays(now, trendMonths).slice(0, -1);
  const from = days[0];
  if (from === undefined) return;
  const scopes = options.points
    .map((point) => point.scope)
    .filter((scope) => scope.type !== 'account');
  for (const scope of scopes) {
    const have = new Set(
      (await listTrustHistory(db, scope, { fromDay: from, toDay: days.at(-1) ?? from })).map(
        (point) => point.day,
      ),
    );
    const missing = days.filter((day) => !have.has(day));
    if (missing.length === 0) continue;
    const prior =
      scope.type === 'company' ? { typicalReliability: startingReliability } : options.prior;
    const scores = await reconstructDayEndScores({ db, scope, days: missing, prior, settings });
    await insertReconstructedTrustHistory(db, scope, scores);
  }
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
