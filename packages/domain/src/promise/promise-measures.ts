import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { businessMinutesBetween } from '../calendar/business-time.ts';
import type { PromiseState } from './promise-state.ts';
import { dueDeadline } from './promise-terms.ts';

/**
 * A promise measured in its account's business time, for calibration, drift and outcomes. All in
 * business minutes from the moment its clock started; null where not (yet) known.
 */
export interface PromiseMeasures {
  /** From the clock start to the deadline promised then (before any renegotiation). */
  promisedMinutes: number | null;
  /** From the clock start to fulfilment in full. */
  fulfilledMinutes: number | null;
  /** From the clock start to closing, however it closed (a censoring time if not fulfilled). */
  closedMinutes: number | null;
  /** From the deadline in force to fulfilment: negative when early, positive when late. */
  latenessMinutes: number | null;
}

/** Measures a promise in business time: promised = clock start → deadline first promised, etc. */
export function measurePromise(state: PromiseState, calendar: BusinessCalendar): PromiseMeasures {
  const start = state.clockStartedAt;
  if (start === null) {
    return {
      promisedMinutes: null,
      fulfilledMinutes: null,
      closedMinutes: null,
      latenessMinutes: null,
    };
  }
  const between = (from: string, to: string) => businessMinutesBetween(calendar, from, to);
  const promisedDue = state.renegotiations[0]?.from ?? state.due;
  const deadline = dueDeadline(state.due);
  return {
    promisedMinutes: between(start, dueDeadline(promisedDue)),
    fulfilledMinutes: state.fulfilledAt === null ? null : between(start, state.fulfilledAt),
    closedMinutes: state.closedAt === null ? null : between(start, state.closedAt),
    latenessMinutes: state.fulfilledAt === null ? null : between(deadline, state.fulfilledAt),
  };
}
