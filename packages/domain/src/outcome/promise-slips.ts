import type { PromiseState } from '../promise/promise-state.ts';
import { dueDeadline } from '../promise/promise-terms.ts';
import { type Instant, instantMs } from '../shared/instant.ts';

/** A deadline the customer was given that did not hold as given. */
export interface Slip {
  /** The deadline that slipped. */
  deadline: Instant;
  /**
   * `renegotiated`: moved later by a newly agreed due. `passed`: it went by without the promise
   * being kept (delivered late, missed, closed after it, or still open after it).
   */
  cause: 'renegotiated' | 'passed';
  /** When it slipped: the moment of the renegotiation, or the deadline itself when it passed. */
  at: Instant;
  /**
   * Was the customer told before that deadline: a notice given while it was the deadline in force,
   * or (for a renegotiation) the new due agreed while the old one was still ahead?
   */
  announced: boolean;
}

/** Has the deadline in force gone by without the promise being kept (as of `now` if still open)? */
export function finalDeadlinePassed(state: PromiseState, now: Instant): boolean {
  const deadline = instantMs(dueDeadline(state.due));
  switch (state.status) {
    case 'awaiting_condition':
      return false;
    case 'open':
      return instantMs(now) > deadline;
    case 'fulfilled':
      return state.fulfilledAt !== null && instantMs(state.fulfilledAt) > deadline;
    case 'missed':
      return true;
    case 'released':
    case 'cancelled':
      // A promise whose condition was never met never started its clock: its due was only a
      // placeholder, so closing it after that date is no slip.
      if (state.clockStartedAt === null) return false;
      return state.closedAt !== null && instantMs(state.closedAt) > deadline;
  }
}

/** Was a notice given before `deadline` while it was in force (from `since` on)? */
function noticedBefore(state: PromiseState, since: number, deadline: Instant): boolean {
  const deadlineMs = instantMs(deadline);
  return state.notices.some((notice) => {
    const at = instantMs(notice.at);
    return notice.beforeDue && at >= since && at <= deadlineMs;
  });
}

/**
 * Every slip of a promise, oldest first: one per renegotiation that moved the deadline later, and
 * one more when the deadline finally in force went by unkept. A slip is announced when the
 * customer heard of it before the deadline it concerns (the state's `beforeDue` flags, matched to
 * the period in which that deadline was in force).
 */
export function promiseSlips(state: PromiseState, now: Instant): Slip[] {
  const slips: Slip[] = [];
  let periodStart = Number.NEGATIVE_INFINITY;
  for (const renegotiation of state.renegotiations) {
    const deadline = dueDeadline(renegotiation.from);
    if (instantMs(dueDeadline(renegotiation.to)) > instantMs(deadline)) {
      slips.push({
        deadline,
        cause: 'renegotiated',
        at: renegotiation.at,
        announced: renegotiation.beforeDue || noticedBefore(state, periodStart, deadline),
      });
    }
    periodStart = instantMs(renegotiation.at);
  }
  if (finalDeadlinePassed(state, now)) {
    const deadline = dueDeadline(state.due);
    slips.push({
      deadline,
      cause: 'passed',
      at: deadline,
      announced: noticedBefore(state, periodStart, deadline),
    });
  }
  return slips;
}
