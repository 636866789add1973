import type { PromiseChange } from '@steadfast/db';
import {
  type AnalyticsSettings,
  anchoredContribution,
  type BusinessCalendar,
  businessMinutesBetween,
  isClosed,
  measurePromise,
  type PromiseEvent,
  type PromiseState,
  promiseOutcome,
} from '@steadfast/domain';

/**
 * A decided change made ready to store: the state measured in the account's business time and,
 * when this very event closed the promise, its outcome's trust evidence.
 */
export function analysedChange(
  previous: PromiseState | null,
  next: { event: PromiseEvent; state: PromiseState },
  context: { calendar: BusinessCalendar; settings: AnalyticsSettings },
): PromiseChange {
  const { calendar, settings } = context;
  const measures = measurePromise(next.state, calendar);
  const closedNow =
    isClosed(next.state.status) && (previous === null || !isClosed(previous.status));
  if (!closedNow) return { ...next, measures, trust: null };
  const outcome = promiseOutcome(next.state, {
    businessMinutesBetween: (from, to) => businessMinutesBetween(calendar, from, to),
    now: next.event.recordedAt,
  });
  return { ...next, measures, trust: anchoredContribution(outcome, settings.trust) };
}
