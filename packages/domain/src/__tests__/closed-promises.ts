import { type PromiseEventChange, promiseEventTypes } from '../promise/promise-event.ts';
import type { PromiseState, PromiseStatus } from '../promise/promise-state.ts';
import { aMadePromise, apply, daysAfter, someFacts } from './promise-builders.ts';

type ChangeType = PromiseEventChange['type'];

/** Every event that can follow `made`. */
export const changeTypes = promiseEventTypes.filter((type): type is ChangeType => type !== 'made');
/** Every event that can follow `made` except telling the customer (allowed on a closed promise). */
export const nonInformTypes = changeTypes.filter((type) => type !== 'customer_informed');

/** A promise brought to the closed `status` by the event that closes it, a day after it was made. */
export function closedPromise(status: PromiseStatus): PromiseState {
  const made = aMadePromise();
  switch (status) {
    case 'fulfilled':
      return apply(made, someFacts.fulfilled('full'));
    case 'missed':
      return apply(made, someFacts.missed());
    case 'released':
      return apply(made, someFacts.released());
    case 'cancelled':
      return apply(made, someFacts.cancelled());
    default:
      throw new Error(`${status} is not a closed status`);
  }
}

/** Applies each of `facts` in turn, each a day after the one before, starting a day after made. */
export function applyAll(state: PromiseState, facts: PromiseEventChange[]): PromiseState {
  return facts.reduce(
    (current, fact, index) =>
      apply(current, fact, { occurredAt: daysAfter(current.terms.madeAt, index + 1) }),
    state,
  );
}
