import { describe, expect, it } from 'vitest';
import { changeTypes, closedPromise, nonInformTypes } from '../__tests__/closed-promises.ts';
import {
  aConditionalPromise,
  aMadeEvent,
  aMadePromise,
  apply,
  daysAfter,
  domainErrorFrom,
  hoursAfter,
  MADE_AT,
  nextEvent,
  pointDue,
  someFacts,
  windowDue,
} from '../__tests__/promise-builders.ts';
import { applyPromiseEvent, closedStatuses } from './promise-state.ts';

describe('illegal transitions', () => {
  it.each(changeTypes)(
    'recording %s before the promise is made is an illegal transition',
    (type) => {
      const event = nextEvent(aMadePromise(), someFacts[type](), { sequence: 1 });
      const error = domainErrorFrom(() => applyPromiseEvent(null, event));

      expect(error).toMatchObject({ code: 'promise_not_made', kind: 'illegal_transition' });
    },
  );

  it('making a promise that is already made is an illegal transition', () => {
    const error = domainErrorFrom(() => applyPromiseEvent(aMadePromise(), aMadeEvent()));

    expect(error).toMatchObject({ code: 'promise_already_made', kind: 'illegal_transition' });
  });

  it.each(closedStatuses)('making a %s promise again is an illegal transition', (status) => {
    const error = domainErrorFrom(() => applyPromiseEvent(closedPromise(status), aMadeEvent()));

    expect(error.code).toBe('promise_already_made');
  });

  const closedCases = closedStatuses.flatMap((status) =>
    nonInformTypes.map((type) => [type, status] as const),
  );

  it('the closed-promise table covers every closed status and every event but telling the customer', () => {
    expect(closedCases).toHaveLength(4 * 8);
  });

  it.each(closedCases)('recording %s on a %s promise is an illegal transition', (type, status) => {
    const closed = closedPromise(status);
    const error = domainErrorFrom(() =>
      apply(closed, someFacts[type](), { occurredAt: daysAfter(MADE_AT, 2) }),
    );

    expect(error).toMatchObject({
      code: 'promise_closed',
      kind: 'illegal_transition',
      field: 'event.type',
    });
  });

  it('meeting the condition of a conditional promise released before it was met is an illegal transition', () => {
    const released = apply(aConditionalPromise(), someFacts.released());
    const error = domainErrorFrom(() => apply(released, someFacts.condition_met()));

    expect(error.code).toBe('promise_closed');
  });

  it('meeting the condition of a promise that has none is an illegal transition', () => {
    const error = domainErrorFrom(() => apply(aMadePromise(), someFacts.condition_met()));

    expect(error).toMatchObject({ code: 'promise_unconditional', kind: 'illegal_transition' });
  });

  it('meeting the condition twice is an illegal transition', () => {
    const met = apply(aConditionalPromise(), someFacts.condition_met());
    const error = domainErrorFrom(() => apply(met, someFacts.condition_met()));

    expect(error).toMatchObject({ code: 'condition_already_met', kind: 'illegal_transition' });
  });

  it.each([
    ['fulfilled in full', someFacts.fulfilled('full')],
    ['fulfilled in part', someFacts.fulfilled('partial')],
    ['missed', someFacts.missed()],
  ])('a promise awaiting its condition cannot be %s', (_label, facts) => {
    const error = domainErrorFrom(() => apply(aConditionalPromise(), facts));

    expect(error).toMatchObject({ code: 'condition_not_met', kind: 'illegal_transition' });
  });

  it.each([
    ['skips a version', 3],
    ['repeats the current version', 1],
  ])(
    'an event that %s is out of sequence, a conflict naming the current version',
    (_label, sequence) => {
      const error = domainErrorFrom(() =>
        apply(aMadePromise(), someFacts.progress(), { sequence }),
      );

      expect(error).toMatchObject({
        code: 'event_out_of_sequence',
        kind: 'conflict',
        details: { currentVersion: 1 },
      });
    },
  );

  it.each([
    ['an hour', hoursAfter(MADE_AT, -1)],
    ['a millisecond', '2026-03-02T08:59:59.999Z'],
  ])('an event that happened %s before the promise was made is invalid', (_label, occurredAt) => {
    const error = domainErrorFrom(() =>
      apply(aMadePromise(), someFacts.progress(), { occurredAt }),
    );

    expect(error).toMatchObject({
      code: 'event_before_promise',
      kind: 'invalid',
      field: 'occurredAt',
    });
  });

  it('an event at the very moment the promise was made is allowed', () => {
    const state = apply(aMadePromise(), someFacts.progress(), { occurredAt: MADE_AT });

    expect(state.lastMilestone?.at).toBe(MADE_AT);
  });

  it.each([
    ['a point at the renegotiation moment', pointDue(daysAfter(MADE_AT, 2))],
    ['a point before it', pointDue(daysAfter(MADE_AT, 1))],
    ['a window ending at the renegotiation moment', windowDue(MADE_AT, daysAfter(MADE_AT, 2))],
  ])('renegotiating to %s is invalid: the new due is in the past', (_label, newDue) => {
    const error = domainErrorFrom(() =>
      apply(aMadePromise(), someFacts.renegotiated(newDue), { occurredAt: daysAfter(MADE_AT, 2) }),
    );

    expect(error).toMatchObject({ code: 'due_in_past', kind: 'invalid', field: 'event.newDue' });
  });
});

describe('dues agreed later must lie ahead', () => {
  it('a condition met with a new due already past is invalid', () => {
    const error = domainErrorFrom(() =>
      apply(
        aConditionalPromise(),
        { type: 'condition_met', newDue: pointDue(daysAfter(MADE_AT, 1)) },
        { occurredAt: daysAfter(MADE_AT, 2) },
      ),
    );

    expect(error).toMatchObject({ code: 'due_in_past', kind: 'invalid', field: 'event.newDue' });
  });

  it('a made event that is not the first event is out of sequence', () => {
    const error = domainErrorFrom(() => applyPromiseEvent(null, { ...aMadeEvent(), sequence: 2 }));

    expect(error).toMatchObject({ code: 'event_out_of_sequence', kind: 'conflict' });
  });
});
