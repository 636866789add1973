import { hostname } from 'node:os';
import {
  deliverDueWebhooks,
  runDueJobs,
  type SendWebhook,
  scheduleCharterReviewsDue,
  scheduleObservationJudging,
  scheduleRiskSweeps,
  scheduleServiceGapSnapshots,
  scheduleTouchpointSuggestions,
  scheduleTrustSnapshots,
  sendWebhookOverHttp,
  type WebhookDeliverySettings,
} from '@steadfast/api';
import { type Database, purgeDeliveredWebhooks, purgeFinishedJobs } from '@steadfast/db';
import type { Instant } from '@steadfast/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';

export interface BackgroundWorker {
  workerId: string;
  stop(): Promise<void>;
}

/**
 * This instance's share of the background work: every interval it schedules the current risk
 * sweep slot (enqueued once however many instances do it) and runs the jobs it manages to claim.
 * Several instances on one PostgreSQL split the work; each job is claimed by exactly one.
 */
export function startBackgroundWorker(options: {
  db: Kysely<Database>;
  now: () => Instant;
  newId: () => string;
  intervalMs: number;
  riskSweepEveryMs: number;
  webhooks: WebhookDeliverySettings;
  /** How webhooks go over the wire (fetch unless a test injects one). */
  sendWebhook?: SendWebhook;
  log: FastifyBaseLogger;
}): BackgroundWorker {
  const workerId = `${hostname()}:${process.pid}:${options.newId().slice(-8)}`;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let observationsJudged = false;

  const tick = async () => {
    try {
      const now = options.now();
      await scheduleRiskSweeps({ db: options.db, now, everyMs: options.riskSweepEveryMs });
      // Thank-yous, anniversaries and check-ins are suggested once a day per account.
      await scheduleTouchpointSuggestions({ db: options.db, now, everyMs: 86_400_000 });
      // Each scope's trust score is taken hourly (the day's latest is kept), for trends and the ranking.
      await scheduleTrustSnapshots({ db: options.db, now });
      // The leader's service gaps over the dashboard's 90 days are worked out hourly and kept.
      await scheduleServiceGapSnapshots({ db: options.db, now });
      // Observations stored before verdicts were kept are judged in the background (a job per
      // page of accounts): looked for until the judging is enqueued or none is left, then no more.
      if (!observationsJudged) {
        observationsJudged = !(await scheduleObservationJudging({ db: options.db, now }));
      }
      // Finished jobs are kept a week for inspection, then forgotten.
      await purgeFinishedJobs(options.db, new Date(Date.parse(now) - 7 * 86_400_000).toISOString());
      while (!stopped) {
        const ran = await runDueJobs({
          db: options.db,
          workerId,
          context: { db: options.db, now: options.now, newId: options.newId },
        });
        for (const job of ran.filter((r) => !r.ok))
          options.log.warn({ job }, 'background job failed');
        if (ran.length === 0) break;
      }
      // Delivered webhooks are kept 30 days for inspection; dead letters until someone acts.
      await purgeDeliveredWebhooks(
        options.db,
        new Date(Date.parse(now) - 30 * 86_400_000).toISOString(),
      );
      // Charter reviews that came due are announced to webhook subscribers, once each.
      await scheduleCharterReviewsDue({ db: options.db, now: options.now, newId: options.newId });
      while (!stopped) {
        const batch = 20;
        const attempts = await deliverDueWebhooks({
          db: options.db,
          workerId,
          now: options.now,
          send: options.sendWebhook ?? sendWebhookOverHttp,
          jitter: Math.random,
          settings: options.webhooks,
          limit: batch,
        });
        for (const attempt of attempts.filter((a) => a.outcome === 'dead'))
          options.log.warn({ attempt }, 'webhook delivery dead after its last attempt');
        // A full batch may mean more are due; otherwise the rest wait for their retry time.
        if (attempts.length < batch) break;
      }
    } catch (error) {
      options.log.error({ err: error }, 'background worker round failed');
    }
  };

  const timer =
    options.intervalMs === 0
      ? undefined
      : setInterval(() => {
          running = running.then(tick);
        }, options.intervalMs);
  return {
    workerId,
    stop: async () => {
      stopped = true;
      if (timer !== undefined) clearInterval(timer);
      await running;
    },
  };
}
