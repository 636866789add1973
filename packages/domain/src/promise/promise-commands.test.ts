import { describe, expect, it } from 'vitest';
import {
  aMadePromise,
  aMakePromiseCommand,
  apply,
  DUE_AT,
  daysAfter,
  domainErrorFrom,
  eventId,
  hoursAfter,
  ids,
  MADE_AT,
  NOW,
  pointDue,
  someFacts,
  windowDue,
} from '../__tests__/promise-builders.ts';
import { makePromise, recordPromiseEvent } from './promise-commands.ts';
import { derivePromiseState } from './promise-state.ts';

const makeStamp = { eventId: eventId(1), promiseId: ids.promise, now: NOW, actorId: ids.actor };
const stamp = (n: number) => ({ eventId: eventId(n), now: NOW, actorId: ids.actor });

describe('makePromise', () => {
  it('gives the made event at sequence 1, stamped with the new ids, the clock and the actor', () => {
    const command = aMakePromiseCommand();
    const { event, state } = makePromise(command, makeStamp);

    expect(event).toEqual({
      type: 'made',
      terms: { ...command, madeAt: MADE_AT },
      id: eventId(1),
      promiseId: ids.promise,
      sequence: 1,
      occurredAt: MADE_AT,
      recordedAt: NOW,
      actorId: ids.actor,
    });
    expect(state).toMatchObject({ id: ids.promise, status: 'open', version: 1, updatedAt: NOW });
  });

  it('gives the state its own event folds into', () => {
    const { event, state } = makePromise(aMakePromiseCommand(), makeStamp);

    expect(derivePromiseState([event])).toEqual(state);
  });

  it('a promise made with a condition awaits it', () => {
    const { state } = makePromise(
      aMakePromiseCommand({ condition: 'provided the customer sends the specs' }),
      makeStamp,
    );

    expect(state.status).toBe('awaiting_condition');
  });

  it('records the system as a null actor', () => {
    const { event } = makePromise(aMakePromiseCommand(), { ...makeStamp, actorId: null });

    expect(event.actorId).toBeNull();
  });

  it('when not told when the promise was made, it was made now', () => {
    const { event, state } = makePromise(
      aMakePromiseCommand({ madeAt: undefined, due: pointDue(daysAfter(NOW, 3)) }),
      makeStamp,
    );

    expect(event.occurredAt).toBe(NOW);
    expect(state.terms.madeAt).toBe(NOW);
    expect(state.clockStartedAt).toBe(NOW);
  });

  it('a promise made exactly now is accepted', () => {
    const { state } = makePromise(
      aMakePromiseCommand({ madeAt: NOW, due: pointDue(daysAfter(NOW, 1)) }),
      makeStamp,
    );

    expect(state.terms.madeAt).toBe(NOW);
  });

  it('a promise made in the future is rejected on madeAt', () => {
    const error = domainErrorFrom(() =>
      makePromise(
        aMakePromiseCommand({ madeAt: hoursAfter(NOW, 1), due: pointDue(daysAfter(NOW, 3)) }),
        makeStamp,
      ),
    );

    expect(error).toMatchObject({ code: 'occurred_in_future', kind: 'invalid', field: 'madeAt' });
  });

  it.each([
    ['before', hoursAfter(MADE_AT, -1)],
    ['at the moment', MADE_AT],
  ])('a point due %s it is made is rejected on due.at', (_label, at) => {
    const error = domainErrorFrom(() =>
      makePromise(aMakePromiseCommand({ due: pointDue(at) }), makeStamp),
    );

    expect(error).toMatchObject({ code: 'due_before_made', kind: 'invalid', field: 'due.at' });
  });

  it('a window due that ends before the promise is made is rejected on due.latest', () => {
    const due = windowDue(daysAfter(MADE_AT, -3), daysAfter(MADE_AT, -1));
    const error = domainErrorFrom(() => makePromise(aMakePromiseCommand({ due }), makeStamp));

    expect(error).toMatchObject({ code: 'due_before_made', kind: 'invalid', field: 'due.latest' });
  });

  it('a window due that opened before the promise but ends after it is accepted', () => {
    const due = windowDue(daysAfter(MADE_AT, -1), daysAfter(MADE_AT, 1));
    const { state } = makePromise(aMakePromiseCommand({ due }), makeStamp);

    expect(state.due).toEqual(due);
  });
});

describe('recordPromiseEvent', () => {
  it('gives the next event, stamped, and the state it leads to', () => {
    const state = aMadePromise();
    const occurredAt = daysAfter(MADE_AT, 2);
    const result = recordPromiseEvent(
      state,
      { expectedVersion: 1, occurredAt, event: someFacts.progress('Parts ordered') },
      stamp(2),
    );

    expect(result.event).toEqual({
      type: 'progress',
      milestone: 'Parts ordered',
      id: eventId(2),
      promiseId: ids.promise,
      sequence: 2,
      occurredAt,
      recordedAt: NOW,
      actorId: ids.actor,
    });
    expect(result.state).toMatchObject({
      version: 2,
      updatedAt: NOW,
      lastMilestone: { milestone: 'Parts ordered', at: occurredAt },
    });
  });

  it('when not told when it happened, it happened now', () => {
    const { event, state } = recordPromiseEvent(
      aMadePromise(),
      { expectedVersion: 1, event: someFacts.customer_informed() },
      stamp(2),
    );

    expect(event.occurredAt).toBe(NOW);
    expect(state.notices[0]?.at).toBe(NOW);
    // NOW lies after DUE_AT: told late.
    expect(state.notices[0]?.beforeDue).toBe(false);
  });

  it('an event that happens now is accepted', () => {
    const { event } = recordPromiseEvent(
      aMadePromise(),
      { expectedVersion: 1, occurredAt: NOW, event: someFacts.progress() },
      stamp(2),
    );

    expect(event.occurredAt).toBe(NOW);
  });

  it('an event in the future is rejected on occurredAt', () => {
    const error = domainErrorFrom(() =>
      recordPromiseEvent(
        aMadePromise(),
        { expectedVersion: 1, occurredAt: hoursAfter(NOW, 1), event: someFacts.progress() },
        stamp(2),
      ),
    );

    expect(error).toMatchObject({
      code: 'occurred_in_future',
      kind: 'invalid',
      field: 'occurredAt',
    });
  });

  it.each([
    ['stale', 1],
    ['ahead of the promise', 3],
  ])(
    'a %s expected version is a conflict naming the current version',
    (_label, expectedVersion) => {
      const state = apply(aMadePromise(), someFacts.progress());
      const error = domainErrorFrom(() =>
        recordPromiseEvent(state, { expectedVersion, event: someFacts.progress() }, stamp(3)),
      );

      expect(error).toMatchObject({
        code: 'version_conflict',
        kind: 'conflict',
        field: 'expectedVersion',
        details: { currentVersion: 2 },
      });
    },
  );

  it('an event the promise does not allow is an illegal transition', () => {
    const fulfilled = apply(aMadePromise(), someFacts.fulfilled());
    const error = domainErrorFrom(() =>
      recordPromiseEvent(fulfilled, { expectedVersion: 2, event: someFacts.missed() }, stamp(3)),
    );

    expect(error).toMatchObject({ code: 'promise_closed', kind: 'illegal_transition' });
  });

  it('recorded events fold into the states it returned', () => {
    const made = makePromise(aMakePromiseCommand(), makeStamp);
    const flagged = recordPromiseEvent(
      made.state,
      { expectedVersion: 1, occurredAt: daysAfter(MADE_AT, 1), event: someFacts.at_risk_flagged() },
      stamp(2),
    );
    const renegotiated = recordPromiseEvent(
      flagged.state,
      {
        expectedVersion: 2,
        occurredAt: daysAfter(MADE_AT, 2),
        event: someFacts.renegotiated(pointDue(daysAfter(DUE_AT, 3))),
      },
      stamp(3),
    );
    const fulfilled = recordPromiseEvent(
      renegotiated.state,
      { expectedVersion: 3, event: someFacts.fulfilled() },
      stamp(4),
    );

    expect(
      derivePromiseState([made.event, flagged.event, renegotiated.event, fulfilled.event]),
    ).toEqual(fulfilled.state);
    expect(fulfilled.state.version).toBe(4);
  });
});
