import type { Db } from '@steadfast/db';
import type { Instant } from '@steadfast/domain';
import { createCaller } from '../root.ts';

/**
 * One import's transaction and the caller that writes through the API on it. The caller's clock
 * is moved to the moment each event of a history happened, so a promise kept last March is
 * recorded, measured and scored as of last March, exactly as if it had been captured then.
 */
export interface ImportSession {
  trx: Db;
  caller: ReturnType<typeof createCaller>;
  clock: { now: Instant };
  /** When the import runs: accounts are opened now, and no history lies after it. */
  now: Instant;
  /** Notes that one more row has been read. */
  progress(): void;
}

export function openImportSession(options: {
  trx: Db;
  now: Instant;
  newId: () => string;
  actorId: string;
  progress: () => void;
}): ImportSession {
  const clock = { now: options.now };
  const caller = createCaller({
    db: options.trx,
    now: () => clock.now,
    newId: options.newId,
    actorId: options.actorId,
    replayingHistory: true,
  });
  return { trx: options.trx, caller, clock, now: options.now, progress: options.progress };
}
