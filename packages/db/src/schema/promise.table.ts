import type { Insertable, Selectable, Updateable } from 'kysely';

/** The projection of each promise's events that lists and dashboards read. */
export interface PromiseTable {
  id: string;
  account_id: string;
  contact_id: string | null;
  owner_id: string;
  kind: string;
  title: string;
  importance: string;
  status: string;
  /** 0 or 1: integers keep one schema for SQLite and PostgreSQL. */
  conditional: number;
  made_at: string;
  clock_started_at: string | null;
  due_start: string;
  due_deadline: string;
  original_due_deadline: string;
  at_risk: number;
  last_informed_at: string | null;
  renegotiation_count: number;
  fulfilled_at: string | null;
  closed_at: string | null;
  source_type: string;
  version: number;
  updated_at: string;
  /** Business minutes (see PromiseMeasures); null where not known yet. */
  promised_minutes: number | null;
  fulfilled_minutes: number | null;
  closed_minutes: number | null;
  lateness_minutes: number | null;
}

export type PromiseRow = Selectable<PromiseTable>;
export type NewPromiseRow = Insertable<PromiseTable>;
export type PromiseUpdate = Updateable<PromiseTable>;
