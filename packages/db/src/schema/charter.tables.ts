import type { Insertable, Selectable } from 'kysely';

/** One row per account with a charter: which version is current and when it is next reviewed. */
export interface CharterTable {
  account_id: string;
  current_version: number;
  /** When version 1 was saved. */
  created_at: string;
  last_reviewed_at: string | null;
  next_review_at: string;
  updated_at: string;
}

/** Every version of every charter, never updated: the current one is the highest. */
export interface CharterVersionTable {
  account_id: string;
  version: number;
  /** The terms as JSON (the domain's `CharterTerm[]`). */
  terms: string;
  review_every_months: number;
  change_note: string | null;
  created_at: string;
  created_by: string | null;
}

/** Each review of a charter with the client. */
export interface CharterReviewTable {
  id: string;
  account_id: string;
  reviewed_at: string;
  reviewed_by: string | null;
  reviewed_version: number;
  resulting_version: number;
  notes: string | null;
  recorded_at: string;
}

/** Each measured instance of a charter term; (term_id, reference) is unique. */
export interface CharterObservationTable {
  id: string;
  account_id: string;
  term_id: string;
  charter_version: number;
  reference: string | null;
  occurred_at: string;
  started_at: string | null;
  ended_at: string | null;
  business_minutes: number | null;
  quantity: number | null;
  note: string | null;
  recorded_at: string;
  recorded_by: string | null;
  /** within, over, unmeasured or no_term against the term as agreed then; null: not judged yet. */
  verdict: string | null;
}

export type CharterRow = Selectable<CharterTable>;
export type CharterVersionRow = Selectable<CharterVersionTable>;
export type CharterReviewRow = Selectable<CharterReviewTable>;
export type CharterObservationRow = Selectable<CharterObservationTable>;
export type NewCharterObservationRow = Insertable<CharterObservationTable>;

/** The tables of charters and observations, gathered into Database. */
export interface CharterTables {
  charters: CharterTable;
  charter_versions: CharterVersionTable;
  charter_reviews: CharterReviewTable;
  charter_observations: CharterObservationTable;
}
