import type { Insertable, Selectable } from 'kysely';

/** Customers' requests, each answered at most once (accepted, countered or declined). */
export interface RequestTable {
  id: string;
  account_id: string;
  contact_id: string | null;
  owner_id: string;
  kind: string;
  title: string;
  details: string | null;
  asked_at: string;
  /** The due the customer wanted, as JSON; null when they named none. */
  wanted_by: string | null;
  /** `open`, `accepted`, `countered` or `declined`. */
  status: string;
  answered_at: string | null;
  answered_by: string | null;
  /** The promise an accept or a counter-offer became. */
  promise_id: string | null;
  counter_offer: string | null;
  counter_condition: string | null;
  /** The counter's business duration after the condition is met, as JSON. */
  counter_within: string | null;
  decline_reason: string | null;
  recorded_at: string;
  recorded_by: string | null;
  version: number;
  updated_at: string;
}

/** Reports that a policy or procedure got in a customer's way. */
export interface FrictionReportTable {
  id: string;
  account_id: string | null;
  policy: string;
  /** The policy's name in lower case: reports are grouped by it. */
  policy_key: string;
  what_happened: string;
  impact: string;
  cost_amount: number | null;
  cost_currency: string | null;
  reported_by: string;
  occurred_at: string;
  recorded_at: string;
}

/** Survey scores and customers' own words, per account. */
export interface SatisfactionSignalTable {
  id: string;
  account_id: string;
  score_value: number | null;
  score_min: number | null;
  score_max: number | null;
  /** The score on the common 0..1 scale; null for words alone. */
  normalised_score: number | null;
  words: string | null;
  source: string;
  received_at: string;
  recorded_at: string;
  recorded_by: string | null;
}

export type RequestRow = Selectable<RequestTable>;
export type NewRequestRow = Insertable<RequestTable>;
export type FrictionReportRow = Selectable<FrictionReportTable>;
export type SatisfactionSignalRow = Selectable<SatisfactionSignalTable>;

// The tables of requests, friction reports and satisfaction signals, gathered into Database.
export interface RequestTables {
  requests: RequestTable;
  friction_reports: FrictionReportTable;
  satisfaction_signals: SatisfactionSignalTable;
}
