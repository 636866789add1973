import type { Insertable, Selectable } from 'kysely';

/** Relationship moments per account: suggested by a rule or logged by a person. */
export interface TouchpointTable {
  id: string;
  account_id: string;
  owner_id: string;
  kind: string;
  /** `rule` or `person`. */
  origin: string;
  /** `suggested`, `done` or `dismissed`. */
  status: string;
  /** Names the moment; unique per account, so a suggestion is stored once however often rules run. */
  dedupe_key: string;
  promise_id: string | null;
  due_at: string;
  reason: string | null;
  note: string | null;
  done_at: string | null;
  done_by: string | null;
  dismissed_at: string | null;
  dismiss_reason: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export type TouchpointRow = Selectable<TouchpointTable>;
export type NewTouchpointRow = Insertable<TouchpointTable>;

// The tables of touchpoints, gathered into Database.
export interface TouchpointTables {
  touchpoints: TouchpointTable;
}
