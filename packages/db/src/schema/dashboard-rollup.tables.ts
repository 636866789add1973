/**
 * Rollups the leadership dashboards read instead of the history: each is kept in step with its
 * base rows in the same transaction as the write that changes them, and can be rebuilt from them.
 */
import type { TrustEvidenceTable } from './trust-evidence.table.ts';

export interface DashboardRollupTables {
  /**
   * The service-quality gaps over the last `days` as the worker last worked them out: `summary`
   * (JSON) what the dashboard shows, `accounts` (JSON) every account each gap names, for paging.
   */
  service_gap_snapshots: {
    days: number;
    taken_at: string;
    window_from: string;
    window_to: string;
    summary: string;
    accounts: string;
  };
  /**
   * Per UTC day of closing and promise kind: how the promises closed that day ended (a promise
   * counts under its `closed_at` day while it is fulfilled or missed).
   */
  kind_outcome_days: {
    day: string;
    kind: string;
    kept_on_time: number;
    kept_renegotiated: number;
    late: number;
    missed: number;
    announced_slips: number;
  };
  /**
   * Per scope and UTC day of closing: the sum of the trust contributions (at the evidence anchor)
   * of the promises closed that day, so a past month-end's evidence is today's less the days after.
   */
  trust_contribution_days: TrustEvidenceTable & { day: string };
  /**
   * Per account, its latest touch of each kind over its whole record: a promise made, a promise
   * fulfilled, a touchpoint done (each only ever moves forward: none of them is undone).
   */
  account_last_touches: {
    account_id: string;
    promise_made_at: string | null;
    promise_fulfilled_at: string | null;
    touchpoint_done_at: string | null;
    /** Since when the account has been quiet: the latest of the three, else when it was created. */
    quiet_since: string | null;
    /**
     * The account's stage, kept beside its touches for the neglected accounts' index (set when
     * the account is created; a change of an account's stage must change it here too).
     */
    stage: string | null;
  };
  /**
   * Per UTC day, owner and the account's stage bucket (`prospect`, `existing`, `churned`): the
   * promises made that day and the touchpoints done that day.
   */
  owner_effort_days: {
    day: string;
    owner_id: string;
    stage_bucket: string;
    promises: number;
    touchpoints: number;
  };
}
