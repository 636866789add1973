import {
  claimJobs,
  completeJob,
  type Database,
  enqueueJob,
  failJob,
  listAccountsWithOpenPromises,
} from '@steadfast/db';
import type { Kysely } from 'kysely';
import {
  serviceGapSnapshotJobKind,
  snapshotServiceGaps,
} from '../analytics/service-gaps-snapshot.ts';
import type { JobContext, JobHandler } from './job-kinds.ts';
import { judgeObservationsJobKind, judgeObservationsPage } from './judge-observations.job.ts';
import { rebuildTrustEvidence } from './rebuild-trust.job.ts';
import { remeasureAccount } from './remeasure.job.ts';
import { sweepAccountRisk } from './risk-sweep.job.ts';
import { suggestAccountTouchpoints, touchpointSuggestJobKind } from './touchpoint-suggest.job.ts';
import { snapshotTrustScores, trustSnapshotJobKind } from './trust-snapshot.job.ts';

export const jobHandlers: Record<string, JobHandler> = {
  risk_sweep: async (payload, context) => {
    await sweepAccountRisk(payload, context);
  },
  remeasure: async (payload, context) => {
    await remeasureAccount(payload, context);
  },
  rebuild_trust: async (payload, context) => {
    await rebuildTrustEvidence(payload, context);
  },
  [touchpointSuggestJobKind]: async (payload, context) => {
    await suggestAccountTouchpoints(payload, context);
  },
  [trustSnapshotJobKind]: async (payload, context) => {
    await snapshotTrustScores(payload, context);
  },
  [serviceGapSnapshotJobKind]: async (payload, context) => {
    await snapshotServiceGaps(payload, context);
  },
  [judgeObservationsJobKind]: async (payload, context) => {
    await judgeObservationsPage(payload, context);
  },
};

/** Exponential backoff for a failed job: 30 s, 1 min, 2 min, … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * One round of a server instance's worker: claim due jobs (each is claimed by exactly one
 * instance), run each with its handler, and mark it done or failed. Returns what it ran.
 */
export async function runDueJobs(options: {
  db: Kysely<Database>;
  workerId: string;
  context: JobContext;
  leaseMs?: number;
  limit?: number;
}): Promise<{ id: string; kind: string; ok: boolean }[]> {
  const now = options.context.now();
  const leaseUntil = new Date(Date.parse(now) + (options.leaseMs ?? 5 * 60_000)).toISOString();
  const jobs = await claimJobs(options.db, {
    workerId: options.workerId,
    now,
    leaseUntil,
    limit: options.limit ?? 10,
  });
  const ran: { id: string; kind: string; ok: boolean }[] = [];
  for (const job of jobs) {
    const handler = jobHandlers[job.kind];
    try {
      if (handler === undefined) throw new Error(`No handler for background job kind ${job.kind}`);
      await handler(job.payload, options.context);
      await completeJob(options.db, {
        id: job.id,
        workerId: options.workerId,
        now: options.context.now(),
      });
      ran.push({ id: job.id, kind: job.kind, ok: true });
    } catch (error) {
      const failedAt = options.context.now();
      const retryAt = new Date(Date.parse(failedAt) + retryDelayMs(job.attempts)).toISOString();
      await failJob(options.db, {
        id: job.id,
        workerId: options.workerId,
        now: failedAt,
        retryAt,
        error: String(error),
      });
      ran.push({ id: job.id, kind: job.kind, ok: false });
    }
  }
  return ran;
}

/**
 * Schedules this slot's risk sweeps: one job per account with running promises, with an id fixed
 * by account and slot, so however many instances schedule it, each sweep is enqueued once.
 */
export async function scheduleRiskSweeps(options: {
  db: Kysely<Database>;
  now: string;
  everyMs: number;
}): Promise<number> {
  const slot = Math.floor(Date.parse(options.now) / options.everyMs);
  const accountIds = await listAccountsWithOpenPromises(options.db);
  let enqueued = 0;
  for (const accountId of accountIds) {
    const added = await enqueueJob(options.db, {
      id: `risk_sweep:${accountId}:${slot}`,
      kind: 'risk_sweep',
      payload: { accountId },
      runAt: options.now,
      now: options.now,
    });
    if (added) enqueued += 1;
  }
  return enqueued;
}
