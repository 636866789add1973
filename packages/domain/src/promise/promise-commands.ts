import { DomainError } from '../shared/domain-error.ts';
import { type Instant, instantMs } from '../shared/instant.ts';
import type { PromiseEvent, PromiseEventChange } from './promise-event.ts';
import { applyPromiseEvent, type PromiseState } from './promise-state.ts';
import { dueDeadline, type MakePromiseCommand, type PromiseTerms } from './promise-terms.ts';

interface Stamp {
  /** The id of the new event. */
  eventId: string;
  now: Instant;
  actorId: string | null;
}

function notInFuture(occurredAt: Instant, now: Instant, field: string): void {
  if (instantMs(occurredAt) > instantMs(now)) {
    throw new DomainError({
      code: 'occurred_in_future',
      kind: 'invalid',
      field,
      message: `must not be in the future (it is now ${now})`,
    });
  }
}

/** Making a promise: checks the terms against the clock and gives the `made` event and state. */
export function makePromise(
  command: MakePromiseCommand,
  stamp: Stamp & { promiseId: string },
): { event: PromiseEvent; state: PromiseState } {
  const madeAt = command.madeAt ?? stamp.now;
  notInFuture(madeAt, stamp.now, 'madeAt');
  if (instantMs(dueDeadline(command.due)) <= instantMs(madeAt)) {
    throw new DomainError({
      code: 'due_before_made',
      kind: 'invalid',
      field: command.due.kind === 'point' ? 'due.at' : 'due.latest',
      message: 'must lie after the moment the promise is made',
    });
  }
  const terms: PromiseTerms = { ...command, madeAt };
  const event: PromiseEvent = {
    type: 'made',
    terms,
    id: stamp.eventId,
    promiseId: stamp.promiseId,
    sequence: 1,
    occurredAt: madeAt,
    recordedAt: stamp.now,
    actorId: stamp.actorId,
  };
  return { event, state: applyPromiseEvent(null, event) };
}

/**
 * Recording what happened to a promise: the event at the next version, and the state it leads to.
 * A stale `expectedVersion` is a conflict naming the current version; an event the state does
 * not allow is an illegal transition.
 */
export function recordPromiseEvent(
  state: PromiseState,
  change: { expectedVersion: number; occurredAt?: Instant | undefined; event: PromiseEventChange },
  stamp: Stamp,
): { event: PromiseEvent; state: PromiseState } {
  if (change.expectedVersion !== state.version) {
    throw new DomainError({
      code: 'version_conflict',
      kind: 'conflict',
      field: 'expectedVersion',
      message: `The promise is at version ${state.version}, not ${change.expectedVersion}: someone changed it since you read it.`,
      details: { currentVersion: state.version },
    });
  }
  const occurredAt = change.occurredAt ?? stamp.now;
  notInFuture(occurredAt, stamp.now, 'occurredAt');
  const event: PromiseEvent = {
    ...change.event,
    id: stamp.eventId,
    promiseId: state.id,
    sequence: state.version + 1,
    occurredAt,
    recordedAt: stamp.now,
    actorId: stamp.actorId,
  };
  return { event, state: applyPromiseEvent(state, event) };
}
