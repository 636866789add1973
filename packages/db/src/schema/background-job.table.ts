import type { Insertable, Selectable } from 'kysely';

/**
 * Work done in the background by whichever server instance claims it first. A claim is a lease:
 * if the instance dies, the job becomes claimable again when `lease_until` passes.
 */
export interface BackgroundJobTable {
  /** Deterministic for scheduled work (e.g. `risk_sweep:<account>:<slot>`), so it is enqueued once. */
  id: string;
  kind: string;
  payload: string;
  /** pending → running → done | failed (retried until `max_attempts`, then dead). */
  status: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  claimed_by: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export type BackgroundJobRow = Selectable<BackgroundJobTable>;
export type NewBackgroundJobRow = Insertable<BackgroundJobTable>;
