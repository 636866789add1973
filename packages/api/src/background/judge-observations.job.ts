import {
  type Database,
  enqueueJob,
  hasUnjudgedObservations,
  listCharteredAccountIds,
} from '@steadfast/db';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { judgeAccountObservations } from '../analytics/observation-verdicts.ts';
import type { JobContext } from './job-kinds.ts';

// Observations stored before verdicts were kept (a store migrated past 2026-11-24T222000) have
// none: the service gaps judge those accounts on every request until they are judged once. The
// worker judges them in the background, a page of accounts a job.

export const judgeObservationsJobKind = 'judge_observations';
const accountsPerJob = 100;

const payloadSchema = z.object({ afterId: z.string().optional() });

/**
 * Enqueues the first page of judging when some observation has no verdict yet (once: the job's
 * id is fixed while it waits or runs).
 */
export async function scheduleObservationJudging(options: {
  db: Kysely<Database>;
  now: string;
}): Promise<boolean> {
  if (!(await hasUnjudgedObservations(options.db))) return false;
  return enqueueJob(options.db, {
    id: `${judgeObservationsJobKind}:first`,
    kind: judgeObservationsJobKind,
    payload: {},
    runAt: options.now,
    now: options.now,
  });
}

/** Judges the next page of chartered accounts' observations, then enqueues the page after it. */
export async function judgeObservationsPage(
  payload: unknown,
  context: JobContext,
): Promise<{ accounts: number; changed: number }> {
  const { afterId } = payloadSchema.parse(payload);
  const { db } = context;
  const { settings } = await loadAnalyticsSettings(db);
  const ids = await listCharteredAccountIds(db, { afterId, limit: accountsPerJob });
  let changed = 0;
  for (const accountId of ids) {
    changed += (await judgeAccountObservations(db, { accountId, settings })).changed;
  }
  const last = ids.at(-1);
  if (last !== undefined && ids.length === accountsPerJob) {
    const now = context.now();
    await enqueueJob(db, {
      id: `${judgeObservationsJobKind}:${last}`,
      kind: judgeObservationsJobKind,
      payload: { afterId: last },
      runAt: now,
      now,
    });
  }
  return { accounts: ids.length, changed };
}
