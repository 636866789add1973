import { DomainError } from '../shared/domain-error.ts';
import { type Instant, instantMs } from '../shared/instant.ts';
import type { InformChannel, PromiseEvent } from './promise-event.ts';
import { type Due, dueDeadline, type PromiseTerms } from './promise-terms.ts';

export const promiseStatuses = [
  'awaiting_condition',
  'open',
  'fulfilled',
  'missed',
  'released',
  'cancelled',
] as const;
/**
 * Where a promise stands. `awaiting_condition`: made with a condition not yet met, so its clock
 * has not started. `open`: running. The other four are closed: nothing but telling the customer
 * can happen to them any more.
 */
export type PromiseStatus = (typeof promiseStatuses)[number];

export const closedStatuses: readonly PromiseStatus[] = [
  'fulfilled',
  'missed',
  'released',
  'cancelled',
];

export interface CustomerNotice {
  at: Instant;
  channel: InformChannel;
  alternativesOffered: string[];
  apologised: boolean;
  /** Was the customer told before the due that was current at the time? */
  beforeDue: boolean;
}

export interface Renegotiation {
  at: Instant;
  from: Due;
  to: Due;
  reason: string;
  /** Was the customer's due still ahead when it was renegotiated (an announced slip)? */
  beforeDue: boolean;
}

/** A promise as its events say it is now. Derived, never stored as the truth. */
export interface PromiseState {
  id: string;
  terms: PromiseTerms;
  status: PromiseStatus;
  /** The due in force: the original, or the latest renegotiated one. */
  due: Due;
  /** When the clock started: when made, or when the condition was met; null while awaiting it. */
  clockStartedAt: Instant | null;
  conditionMetAt: Instant | null;
  atRisk: boolean;
  atRiskSince: Instant | null;
  atRiskReason: string | null;
  lastMilestone: { milestone: string; at: Instant } | null;
  notices: CustomerNotice[];
  renegotiations: Renegotiation[];
  /** Deliveries in part so far (the promise stays open until delivered in full or closed). */
  partialDeliveries: Instant[];
  fulfilledAt: Instant | null;
  closedAt: Instant | null;
  /** Why it was released, cancelled or missed, as recorded. */
  closingNote: string | null;
  /** The number of events applied: the version a writer must name to change it. */
  version: number;
  updatedAt: Instant;
}

export function isClosed(status: PromiseStatus): boolean {
  return closedStatuses.includes(status);
}

function illegal(code: string, message: string): DomainError {
  return new DomainError({ code, kind: 'illegal_transition', message, field: 'event.type' });
}

/** A newly agreed due must still lie ahead at the moment it is agreed. */
function assertDueAhead(due: Due, agreedAt: Instant): void {
  if (instantMs(dueDeadline(due)) <= instantMs(agreedAt)) {
    throw new DomainError({
      code: 'due_in_past',
      kind: 'invalid',
      field: 'event.newDue',
      message: 'must lie after the moment it was agreed',
    });
  }
}

/**
 * The one function that says what an event does to a promise. Throws a DomainError with kind
 * `illegal_transition` for anything the promise's current state does not allow.
 */
export function applyPromiseEvent(state: PromiseState | null, event: PromiseEvent): PromiseState {
  if (event.type === 'made') {
    if (state !== null) {
      throw illegal('promise_already_made', 'This promise has already been made.');
    }
    if (event.sequence !== 1) {
      throw new DomainError({
        code: 'event_out_of_sequence',
        kind: 'conflict',
        message: `A promise is made by its first event, not event ${event.sequence}.`,
      });
    }
    const conditional = event.terms.condition !== null;
    return {
      id: event.promiseId,
      terms: event.terms,
      status: conditional ? 'awaiting_condition' : 'open',
      due: event.terms.due,
      clockStartedAt: conditional ? null : event.terms.madeAt,
      conditionMetAt: null,
      atRisk: false,
      atRiskSince: null,
      atRiskReason: null,
      lastMilestone: null,
      notices: [],
      renegotiations: [],
      partialDeliveries: [],
      fulfilledAt: null,
      closedAt: null,
      closingNote: null,
      version: event.sequence,
      updatedAt: event.recordedAt,
    };
  }
  if (state === null) {
    throw illegal('promise_not_made', `Cannot record ${event.type}: the promise was never made.`);
  }
  if (event.sequence !== state.version + 1) {
    throw new DomainError({
      code: 'event_out_of_sequence',
      kind: 'conflict',
      message: `Event ${event.sequence} cannot follow version ${state.version}.`,
      details: { currentVersion: state.version },
    });
  }
  if (instantMs(event.occurredAt) < instantMs(state.terms.madeAt)) {
    throw new DomainError({
      code: 'event_before_promise',
      kind: 'invalid',
      field: 'occurredAt',
      message: `Cannot record ${event.type} at ${event.occurredAt}: the promise was only made at ${state.terms.madeAt}.`,
    });
  }
  const closed = isClosed(state.status);
  if (closed && event.type !== 'customer_informed') {
    throw illegal(
      'promise_closed',
      `Cannot record ${event.type}: the promise is already ${state.status}.`,
    );
  }
  const next: PromiseState = { ...state, version: event.sequence, updatedAt: event.recordedAt };
  const beforeDue = instantMs(event.occurredAt) <= instantMs(dueDeadline(state.due));

  switch (event.type) {
    case 'condition_met': {
      if (state.terms.condition === null) {
        throw illegal(
          'promise_unconditional',
          'Cannot record condition met: this promise has no condition.',
        );
      }
      if (state.conditionMetAt !== null) {
        throw illegal('condition_already_met', 'The condition of this promise was already met.');
      }
      if (event.newDue !== null) assertDueAhead(event.newDue, event.occurredAt);
      return {
        ...next,
        status: 'open',
        conditionMetAt: event.occurredAt,
        clockStartedAt: event.occurredAt,
        due: event.newDue ?? state.due,
      };
    }
    case 'progress':
      return { ...next, lastMilestone: { milestone: event.milestone, at: event.occurredAt } };
    case 'at_risk_flagged':
      return {
        ...next,
        atRisk: true,
        atRiskSince: state.atRisk ? state.atRiskSince : event.occurredAt,
        atRiskReason: event.reason,
      };
    case 'customer_informed':
      return {
        ...next,
        notices: [
          ...state.notices,
          {
            at: event.occurredAt,
            channel: event.channel,
            alternativesOffered: event.alternativesOffered,
            apologised: event.apologised,
            beforeDue: beforeDue && !closed,
          },
        ],
      };
    case 'renegotiated':
      assertDueAhead(event.newDue, event.occurredAt);
      return {
        ...next,
        due: event.newDue,
        // A new date agreed with the customer resets the risk: it is judged against the new date.
        atRisk: false,
        atRiskSince: null,
        atRiskReason: null,
        renegotiations: [
          ...state.renegotiations,
          {
            at: event.occurredAt,
            from: state.due,
            to: event.newDue,
            reason: event.reason,
            beforeDue,
          },
        ],
      };
    case 'fulfilled':
      if (state.status === 'awaiting_condition') {
        throw illegal(
          'condition_not_met',
          'Cannot record fulfilled: the condition has not been met yet. Record it first.',
        );
      }
      if (event.completeness === 'partial') {
        return { ...next, partialDeliveries: [...state.partialDeliveries, event.occurredAt] };
      }
      return {
        ...next,
        status: 'fulfilled',
        atRisk: false,
        fulfilledAt: event.occurredAt,
        closedAt: event.occurredAt,
        closingNote: event.note,
      };
    case 'missed':
      if (state.status === 'awaiting_condition') {
        throw illegal(
          'condition_not_met',
          'Cannot record missed: the clock has not started because the condition is not met.',
        );
      }
      return {
        ...next,
        status: 'missed',
        atRisk: false,
        closedAt: event.occurredAt,
        closingNote: event.note,
      };
    case 'released':
      return {
        ...next,
        status: 'released',
        atRisk: false,
        closedAt: event.occurredAt,
        closingNote: event.reason,
      };
    case 'cancelled':
      return {
        ...next,
        status: 'cancelled',
        atRisk: false,
        closedAt: event.occurredAt,
        closingNote: event.reason,
      };
  }
}

/** A promise's current state, from its events in order. */
export function derivePromiseState(events: readonly PromiseEvent[]): PromiseState {
  const state = events.reduce<PromiseState | null>(applyPromiseEvent, null);
  if (state === null) {
    throw illegal('promise_not_made', 'A promise needs at least its `made` event.');
  }
  return state;
}
