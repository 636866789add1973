import type { Db } from '@steadfast/db';
import type { Instant } from '@steadfast/domain';

/** What every procedure gets: the store, the clock and the id source (passed in, never global). */
export interface ApiContext {
  db: Db;
  now: () => Instant;
  newId: () => string;
  /** Who is calling; null until authentication lands (the system itself). */
  actorId: string | null;
}
