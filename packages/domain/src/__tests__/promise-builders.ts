import type { PromiseEvent, PromiseEventChange } from '../promise/promise-event.ts';
import { applyPromiseEvent, type PromiseState } from '../promise/promise-state.ts';
import type { Due, MakePromiseCommand, PromiseTerms } from '../promise/promise-terms.ts';
import { DomainError } from '../shared/domain-error.ts';
import type { Instant } from '../shared/instant.ts';

/** Fixed ids, so that failures print the same every run. */
export const ids = {
  account: '0190a4b2-0000-7000-8000-00000000a001',
  contact: '0190a4b2-0000-7000-8000-00000000c001',
  owner: '0190a4b2-0000-7000-8000-00000000b001',
  actor: '0190a4b2-0000-7000-8000-00000000b002',
  promise: '0190a4b2-0000-7000-8000-00000000d001',
} as const;

/** The id of the `n`th event of a promise (1 is `made`). */
export function eventId(n: number): string {
  return `0190a4b2-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** When the promise in these tests is made: Monday 2 March 2026, 09:00 UTC. */
export const MADE_AT: Instant = '2026-03-02T09:00:00.000Z';
/** Its due: Monday 9 March 2026, 17:00 UTC. */
export const DUE_AT: Instant = '2026-03-09T17:00:00.000Z';
/** The moment "now" is on the test clock, a while after the due, so back-dating is possible. */
export const NOW: Instant = '2026-03-20T12:00:00.000Z';

const HOUR_MS = 60 * 60 * 1000;

/** The instant `hours` after `from` (negative for before). */
export function hoursAfter(from: Instant, hours: number): Instant {
  return new Date(Date.parse(from) + hours * HOUR_MS).toISOString();
}

/** The instant `days` after `from` (negative for before). */
export function daysAfter(from: Instant, days: number): Instant {
  return hoursAfter(from, days * 24);
}

export function pointDue(at: Instant = DUE_AT): Due {
  return { kind: 'point', at };
}

export function windowDue(earliest: Instant, latest: Instant): Due {
  return { kind: 'window', earliest, latest };
}

/** A command as `makePromiseInputSchema` would give it, with every field filled. */
export function aMakePromiseCommand(
  overrides: Partial<MakePromiseCommand> = {},
): MakePromiseCommand {
  return {
    accountId: ids.account,
    contactId: ids.contact,
    ownerId: ids.owner,
    kind: 'delivery',
    title: 'Ship the replacement pump',
    details: null,
    due: pointDue(),
    importance: 'normal',
    condition: null,
    source: { type: 'manual' },
    madeAt: MADE_AT,
    ...overrides,
  };
}

export function someTerms(overrides: Partial<PromiseTerms> = {}): PromiseTerms {
  const { madeAt, ...command } = aMakePromiseCommand();
  return { ...command, madeAt: madeAt ?? MADE_AT, ...overrides };
}

/** The `made` event of a promise with `terms`, recorded when it was made. */
export function aMadeEvent(terms: Partial<PromiseTerms> = {}): PromiseEvent {
  const full = someTerms(terms);
  return {
    type: 'made',
    terms: full,
    id: eventId(1),
    promiseId: ids.promise,
    sequence: 1,
    occurredAt: full.madeAt,
    recordedAt: full.madeAt,
    actorId: ids.actor,
  };
}

/** The state right after the promise is made. */
export function aMadePromise(terms: Partial<PromiseTerms> = {}): PromiseState {
  return applyPromiseEvent(null, aMadeEvent(terms));
}

/** A promise made with a condition, still waiting for it. */
export function aConditionalPromise(terms: Partial<PromiseTerms> = {}): PromiseState {
  return aMadePromise({ condition: 'provided the customer sends the specs', ...terms });
}

export interface EventEnvelopeOverrides {
  occurredAt?: Instant;
  recordedAt?: Instant;
  sequence?: number;
}

/**
 * The event `facts` as the next event of `state` (its sequence is `state.version + 1` unless
 * overridden), happening a day after the promise was made unless told otherwise.
 */
export function nextEvent(
  state: PromiseState,
  facts: PromiseEventChange,
  overrides: EventEnvelopeOverrides = {},
): PromiseEvent {
  const sequence = overrides.sequence ?? state.version + 1;
  const occurredAt = overrides.occurredAt ?? daysAfter(state.terms.madeAt, 1);
  return {
    ...facts,
    id: eventId(sequence),
    promiseId: state.id,
    sequence,
    occurredAt,
    recordedAt: overrides.recordedAt ?? occurredAt,
    actorId: ids.actor,
  };
}

/** Applies `facts` to `state` as its next event. */
export function apply(
  state: PromiseState,
  facts: PromiseEventChange,
  overrides: EventEnvelopeOverrides = {},
): PromiseState {
  return applyPromiseEvent(state, nextEvent(state, facts, overrides));
}

/** The facts of one type of event, as the schema outputs them. */
export type Facts<T extends PromiseEventChange['type']> = Extract<PromiseEventChange, { type: T }>;

/** Sensible facts for every kind of event after `made`, as the schema would output them. */
export const someFacts = {
  condition_met: (): PromiseEventChange => ({ type: 'condition_met', newDue: null }),
  progress: (milestone = 'Handed to the carrier'): PromiseEventChange => ({
    type: 'progress',
    milestone,
  }),
  at_risk_flagged: (reason = 'Supplier is late'): PromiseEventChange => ({
    type: 'at_risk_flagged',
    reason,
  }),
  customer_informed: (
    overrides: Partial<Omit<Facts<'customer_informed'>, 'type'>> = {},
  ): Facts<'customer_informed'> => ({
    type: 'customer_informed',
    channel: 'email',
    alternativesOffered: [],
    apologised: false,
    message: null,
    ...overrides,
  }),
  renegotiated: (newDue: Due = pointDue(daysAfter(DUE_AT, 7))): PromiseEventChange => ({
    type: 'renegotiated',
    newDue,
    reason: 'Supplier delay',
  }),
  fulfilled: (completeness: 'full' | 'partial' = 'full'): PromiseEventChange => ({
    type: 'fulfilled',
    completeness,
    note: null,
  }),
  missed: (note: string | null = null): PromiseEventChange => ({ type: 'missed', note }),
  released: (reason = 'The customer no longer needs it'): PromiseEventChange => ({
    type: 'released',
    reason,
  }),
  cancelled: (reason = 'Order withdrawn'): PromiseEventChange => ({ type: 'cancelled', reason }),
} satisfies Record<PromiseEventChange['type'], (...args: never[]) => PromiseEventChange>;

/** Runs `action`, expects it to throw a DomainError, and gives that error back for inspection. */
export function domainErrorFrom(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}
