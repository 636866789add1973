import type { Insertable, Selectable } from 'kysely';

/** Append-only: a row is never updated or deleted. */
export interface PromiseEventTable {
  id: string;
  promise_id: string;
  /** 1 for `made`, then one more per event; unique per promise, so two writers cannot both win. */
  sequence: number;
  type: string;
  occurred_at: string;
  recorded_at: string;
  actor_id: string | null;
  /** The event's own facts as JSON text (the same in SQLite and PostgreSQL). */
  facts: string;
}

export type PromiseEventRow = Selectable<PromiseEventTable>;
export type NewPromiseEventRow = Insertable<PromiseEventTable>;
