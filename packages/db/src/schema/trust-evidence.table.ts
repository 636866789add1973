import type { Selectable } from 'kysely';

/**
 * Running trust evidence per scope (account, manager, company), stored at the fixed anchor
 * instant (see the domain's `evidenceAnchor`) so that every update is a plain addition.
 */
export interface TrustEvidenceTable {
  /** `account`, `manager` or `company`. */
  scope_type: string;
  scope_id: string;
  positive: number;
  negative: number;
  delivered_weight: number;
  lateness_sum: number;
  lateness_squared_sum: number;
  announced_slip_weight: number;
  silent_slip_weight: number;
  announced_slips: number;
  slips: number;
  outcomes: number;
  count_early: number;
  count_on_time: number;
  count_late: number;
  count_renegotiated_kept: number;
  count_missed: number;
  count_released: number;
  count_cancelled: number;
}

export type TrustEvidenceRow = Selectable<TrustEvidenceTable>;
