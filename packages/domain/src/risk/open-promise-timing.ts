import type { PromiseKind } from '../promise/promise-terms.ts';
import type { Instant } from '../shared/instant.ts';

/**
 * An open promise as risk sees it: what it is, when its clock started, its due in force, and how
 * far along it is, all durations in business minutes from the clock start (computed by the
 * account's business calendar).
 */
export interface OpenPromiseTiming {
  promiseId: string;
  title: string;
  kind: PromiseKind;
  clockStartedAt: Instant;
  /** The deadline in force (the point, or the end of the window; renegotiated if it was). */
  dueAt: Instant;
  /** Business minutes from the clock start to now. */
  elapsedMinutes: number;
  /** Business minutes from the clock start to the deadline. */
  dueMinutes: number;
  /** The last progress milestone reached, if any (e.g. handed to the carrier). */
  lastMilestone?: { milestone: string; at: Instant } | null;
}
