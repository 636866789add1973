import type { PromiseChange, PromiseClosing } from '@steadfast/db';
import {
  type AnalyticsSettings,
  anchoredContribution,
  type BusinessCalendar,
  businessMinutesBetween,
  isClosed,
  isClosedOutcome,
  measurePromise,
  type PromiseEvent,
  type PromiseMeasures,
  type PromiseState,
  promiseOutcome,
  resolutionFactsOf,
} from '@steadfast/domain';

/**
 * What a closed promise means for trust and for Steadfast's own forecasts, judged in its account's
 * business time as of `asOf` (its closing, as recorded): its outcome, its trust evidence at the
 * anchor, and the facts its forecasts are resolved against. Null while it is still running.
 */
export function closingOf(
  state: PromiseState,
  measures: PromiseMeasures,
  context: { calendar: BusinessCalendar; settings: AnalyticsSettings; asOf: string },
): PromiseClosing | null {
  const { calendar, settings, asOf } = context;
  const between = (from: string, to: string) => businessMinutesBetween(calendar, from, to);
  const outcome = promiseOutcome(state, { businessMinutesBetween: between, now: asOf });
  if (!isClosedOutcome(outcome)) return null;
  const clockMinutes =
    state.clockStartedAt === null ? null : Math.max(0, between(state.clockStartedAt, asOf));
  return {
    outcomeKind: outcome.kind,
    evidence: anchoredContribution(outcome, settings.trust),
    resolution: resolutionFactsOf({ outcome, measures, asOf, clockMinutes }),
  };
}

/**
 * A decided change made ready to store: the state measured in the account's business time and,
 * when this very event closed the promise, what its closing means (see `closingOf`).
 */
export function analysedChange(
  previous: PromiseState | null,
  next: { event: PromiseEvent; state: PromiseState },
  context: { calendar: BusinessCalendar; settings: AnalyticsSettings },
): PromiseChange {
  const measures = measurePromise(next.state, context.calendar);
  const closedNow =
    isClosed(next.state.status) && (previous === null || !isClosed(previous.status));
  if (!closedNow) return { ...next, measures, closing: null };
  return {
    ...next,
    measures,
    closing: closingOf(next.state, measures, { ...context, asOf: next.event.recordedAt }),
  };
}
