import {
  runDueJobs,
  scheduleRiskSweeps,
  scheduleTouchpointSuggestions,
  scheduleTrustSnapshots,
} from '@steadfast/api';
import { type Db, purgeFinishedJobs } from '@steadfast/db';
import type { Instant } from '@steadfast/domain';

/**
 * Local mode does the server's background work itself: risk sweeps (which flag promises at risk),
 * daily touchpoint suggestions and trust snapshots, and the jobs they enqueue. One round at a time.
 */
export function startLocalBackgroundWork(options: {
  db: Db;
  now: () => Instant;
  newId: () => string;
  everyMs: number;
  riskSweepEveryMs: number;
  onError: (error: unknown) => void;
}): { runRound(): Promise<void>; stop(): Promise<void> } {
  const workerId = `desktop:${options.newId().slice(-8)}`;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const round = async () => {
    try {
      const { db } = options;
      const now = options.now();
      await scheduleRiskSweeps({ db, now, everyMs: options.riskSweepEveryMs });
      await scheduleTouchpointSuggestions({ db, now, everyMs: 86_400_000 });
      await scheduleTrustSnapshots({ db, now });
      await purgeFinishedJobs(db, new Date(Date.parse(now) - 7 * 86_400_000).toISOString());
      while (!stopped) {
        const ran = await runDueJobs({
          db,
          workerId,
          context: { db, now: options.now, newId: options.newId },
        });
        if (ran.length === 0) break;
      }
    } catch (error) {
      options.onError(error);
    }
  };

  const runRound = () => {
    running = running.then(round);
    return running;
  };
  const timer = setInterval(() => void runRound(), options.everyMs);
  return {
    runRound,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
