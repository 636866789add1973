import type { Db } from '@steadfast/db';
import type { Instant } from '@steadfast/domain';

/** What a background job handler gets: the store, the clock and an id source. */
export interface JobContext {
  db: Db;
  now: () => Instant;
  newId: () => string;
}

export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;
