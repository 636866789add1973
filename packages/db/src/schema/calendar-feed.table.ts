import type { Selectable } from 'kysely';

/** A person's calendar feed: only the hash of the secret in its URL is kept; it is shown once. */
export interface CalendarFeedTable {
  id: string;
  user_id: string;
  secret_hash: string;
  created_at: string;
  last_fetched_at: string | null;
  revoked_at: string | null;
}

export type CalendarFeedRow = Selectable<CalendarFeedTable>;
