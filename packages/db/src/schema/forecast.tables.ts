import type { ColumnType, Selectable } from 'kysely';

/** Every forecast Steadfast made (a calibration range at capture, a risk chance), as made. */
export interface ForecastTable {
  id: string;
  /** `calibration` or `risk`. */
  type: string;
  promise_id: string;
  kind: string;
  account_id: string;
  owner_id: string;
  made_at: string;
  /** The forecast as the domain recorded it (JSON). */
  body: string;
}

/** What became of a promise, recorded when it closed: all its forecasts need to be resolved. */
export interface PromiseResolutionTable {
  promise_id: string;
  closed_at: string;
  /** The domain's ResolutionFacts (JSON). */
  facts: string;
}

/** Each closed promise's share of a scope's trust evidence, to trace what moved a score. */
export interface TrustContributionTable {
  scope_type: string;
  scope_id: string;
  promise_id: string;
  closed_at: string;
  outcome_kind: string;
  /** The contribution as anchored TrustEvidence (JSON). */
  evidence: string;
}

/** A scope's trust score as it stood on a day (UTC), for trends. */
export interface TrustHistoryTable {
  scope_type: string;
  scope_id: string;
  day: string;
  score: number;
  low: number;
  high: number;
  /** 1: worked out afterwards from the evidence and the closings since, not taken on the day. */
  reconstructed: ColumnType<number, number | undefined, number>;
}

/** When the worker last took the day's trust scores (trust_history): the ranking reads them. */
export interface TrustSnapshotTable {
  day: string;
  taken_at: string;
}

export interface ForecastTables {
  forecasts: ForecastTable;
  promise_resolutions: PromiseResolutionTable;
  trust_contributions: TrustContributionTable;
  trust_history: TrustHistoryTable;
  trust_snapshots: TrustSnapshotTable;
}

export type ForecastRow = Selectable<ForecastTable>;
