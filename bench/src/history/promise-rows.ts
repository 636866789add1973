import { analysedChange } from '@steadfast/api';
import { eventToRow, type PromiseClosing, projectionToRow } from '@steadfast/db';
import {
  type AnalyticsSettings,
  type BusinessCalendar,
  makePromise,
  measurePromise,
  type PromiseMeasures,
  type PromiseState,
  recordPromiseEvent,
  summarisePromise,
} from '@steadfast/domain';
import type { PromisePlan } from './promise-plan.ts';

export type EventRow = ReturnType<typeof eventToRow>;
export type ProjectionRow = ReturnType<typeof projectionToRow>;

/** What the app stores for one promise's whole history, written by whoever recorded it. */
export interface StoredPromise {
  projection: ProjectionRow;
  events: EventRow[];
  state: PromiseState;
  /** Set when the promise closed: its outcome, trust evidence and forecast resolution. */
  closing: PromiseClosing | null;
  /** The state as it was right when it closed (its closedAt and updatedAt). */
  closedState: PromiseState | null;
}

/**
 * Runs a planned history through the domain exactly as the API does for each call (makePromise,
 * then recordPromiseEvent per event, back-filled so the clock of each is its own moment, and
 * `analysedChange` for the measures and the closing), giving the rows the app would have written.
 * Only the last projection is kept: each event's update overwrites the one before.
 */
export function storedPromise(options: {
  plan: PromisePlan;
  promiseId: string;
  eventIds: readonly string[];
  calendar: BusinessCalendar;
  settings: AnalyticsSettings;
}): StoredPromise {
  const { plan, calendar, settings } = options;
  const analysis = { calendar, settings };
  const actorId = plan.command.ownerId;
  const madeAt = plan.command.madeAt ?? new Date(plan.madeAtMs).toISOString();
  const made = makePromise(plan.command, {
    promiseId: options.promiseId,
    eventId: options.eventIds[0] ?? '',
    now: madeAt,
    actorId,
  });
  const events: EventRow[] = [eventToRow(made.event)];
  let state = made.state;
  let closing: PromiseClosing | null = null;
  let closedState: PromiseState | null = null;
  let measures: PromiseMeasures | null = null;
  for (const [index, planned] of plan.events.entries()) {
    const occurredAt = new Date(planned.atMs).toISOString();
    const next = recordPromiseEvent(
      state,
      { expectedVersion: state.version, occurredAt, event: planned.change },
      { eventId: options.eventIds[index + 1] ?? '', now: occurredAt, actorId },
    );
    // Measuring every intermediate state is wasted work (its projection is overwritten), but the
    // closing is judged as of the closing event, as the API does.
    if (closing === null && next.state.closedAt !== null && state.closedAt === null) {
      const change = analysedChange(state, next, analysis);
      closing = change.closing ?? null;
      closedState = next.state;
      measures = change.measures;
    } else if (measures !== null) {
      // Only telling the customer can follow a closing: the measures stay as they were, unless
      // the domain says otherwise (checked below by re-measuring when anything else followed).
      if (next.event.type !== 'customer_informed') measures = null;
    }
    events.push(eventToRow(next.event));
    state = next.state;
  }
  measures ??= measurePromise(state, calendar);
  return {
    projection: projectionToRow({ ...summarisePromise(state), ...measures }),
    events,
    state,
    closing,
    closedState,
  };
}
