import { describe, expect, it } from 'vitest';
import { applyAll } from '../__tests__/closed-promises.ts';
import {
  aConditionalPromise,
  aMadeEvent,
  aMadePromise,
  apply,
  DUE_AT,
  daysAfter,
  domainErrorFrom,
  ids,
  MADE_AT,
  nextEvent,
  pointDue,
  someFacts,
  someTerms,
  windowDue,
} from '../__tests__/promise-builders.ts';
import type { PromiseEvent, PromiseEventChange } from './promise-event.ts';
import {
  applyPromiseEvent,
  derivePromiseState,
  isClosed,
  type PromiseState,
  type PromiseStatus,
  promiseStatuses,
} from './promise-state.ts';

describe('making a promise', () => {
  it('a promise made without a condition is open and its clock starts when it is made', () => {
    const state = aMadePromise();

    expect(state.status).toBe('open');
    expect(state.clockStartedAt).toBe(MADE_AT);
    expect(state.conditionMetAt).toBeNull();
  });

  it('a promise made with a condition awaits it, and its clock has not started', () => {
    const state = aConditionalPromise();

    expect(state.status).toBe('awaiting_condition');
    expect(state.clockStartedAt).toBeNull();
    expect(state.conditionMetAt).toBeNull();
  });

  it('a new promise is at version 1, carries its terms and due, and has nothing recorded against it', () => {
    const made = aMadeEvent();
    const state = applyPromiseEvent(null, made);

    expect(state).toEqual({
      id: ids.promise,
      terms: someTerms(),
      status: 'open',
      due: pointDue(DUE_AT),
      clockStartedAt: MADE_AT,
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
      version: 1,
      updatedAt: made.recordedAt,
    });
  });

  it('a promise made with a window due keeps the window as its due', () => {
    const due = windowDue(daysAfter(MADE_AT, 3), daysAfter(MADE_AT, 5));

    expect(aMadePromise({ due }).due).toEqual(due);
  });
});

describe('meeting the condition', () => {
  it('opens the promise and starts its clock when the condition was met', () => {
    const metAt = daysAfter(MADE_AT, 2);
    const state = apply(aConditionalPromise(), someFacts.condition_met(), { occurredAt: metAt });

    expect(state.status).toBe('open');
    expect(state.conditionMetAt).toBe(metAt);
    expect(state.clockStartedAt).toBe(metAt);
  });

  it('keeps the original due when no new one is agreed', () => {
    const state = apply(aConditionalPromise(), someFacts.condition_met());

    expect(state.due).toEqual(pointDue(DUE_AT));
  });

  it('may set the due agreed once the clock starts, leaving the original terms as made', () => {
    const newDue = windowDue(daysAfter(DUE_AT, 2), daysAfter(DUE_AT, 4));
    const state = apply(aConditionalPromise(), { type: 'condition_met', newDue });

    expect(state.due).toEqual(newDue);
    expect(state.terms.due).toEqual(pointDue(DUE_AT));
  });
});

describe('recording progress', () => {
  it('records the last milestone reached and when, the latest replacing the one before', () => {
    const first = apply(aMadePromise(), someFacts.progress('Parts ordered'), {
      occurredAt: daysAfter(MADE_AT, 1),
    });
    const second = apply(first, someFacts.progress('Handed to the carrier'), {
      occurredAt: daysAfter(MADE_AT, 2),
    });

    expect(first.lastMilestone).toEqual({ milestone: 'Parts ordered', at: daysAfter(MADE_AT, 1) });
    expect(second.lastMilestone).toEqual({
      milestone: 'Handed to the carrier',
      at: daysAfter(MADE_AT, 2),
    });
    expect(second.status).toBe('open');
  });
});

describe('flagging a promise at risk', () => {
  it('records that it is at risk, since when and why', () => {
    const flaggedAt = daysAfter(MADE_AT, 2);
    const state = apply(aMadePromise(), someFacts.at_risk_flagged('Supplier is late'), {
      occurredAt: flaggedAt,
    });

    expect(state).toMatchObject({
      atRisk: true,
      atRiskSince: flaggedAt,
      atRiskReason: 'Supplier is late',
      status: 'open',
    });
  });

  it('flagged twice, it stays at risk since the first flag and takes the latest reason', () => {
    const first = apply(aMadePromise(), someFacts.at_risk_flagged('Supplier is late'), {
      occurredAt: daysAfter(MADE_AT, 1),
    });
    const second = apply(first, someFacts.at_risk_flagged('Carrier strike'), {
      occurredAt: daysAfter(MADE_AT, 3),
    });

    expect(second.atRiskSince).toBe(daysAfter(MADE_AT, 1));
    expect(second.atRiskReason).toBe('Carrier strike');
  });
});

describe('closing without fulfilling', () => {
  it.each([
    ['missed', { type: 'missed', note: 'Truck broke down' }, 'Truck broke down'],
    [
      'released',
      { type: 'released', reason: 'The customer sourced it elsewhere' },
      'The customer sourced it elsewhere',
    ],
    ['cancelled', { type: 'cancelled', reason: 'Order withdrawn' }, 'Order withdrawn'],
  ] satisfies [PromiseStatus, PromiseEventChange, string][])(
    '%s closes the promise with when and the closing note, and takes it off the risk list',
    (status, facts, closingNote) => {
      const atRisk = apply(aMadePromise(), someFacts.at_risk_flagged(), {
        occurredAt: daysAfter(MADE_AT, 1),
      });
      const at = daysAfter(MADE_AT, 2);
      const state = apply(atRisk, facts, { occurredAt: at });

      expect(state).toMatchObject({
        status,
        closedAt: at,
        fulfilledAt: null,
        atRisk: false,
        closingNote,
      });
    },
  );

  it('missed without a note closes with no closing note', () => {
    expect(apply(aMadePromise(), someFacts.missed(null)).closingNote).toBeNull();
  });

  it.each(['released', 'cancelled'] as const)(
    '%s is allowed while the promise still awaits its condition',
    (type) => {
      const state = apply(aConditionalPromise(), someFacts[type]());

      expect(state.status).toBe(type);
      expect(state.clockStartedAt).toBeNull();
    },
  );
});

describe('versions', () => {
  it('every event raises the version by one and stamps when it was recorded', () => {
    const made = aMadePromise();
    const recordedAt = daysAfter(MADE_AT, 5);
    const progressed = apply(made, someFacts.progress(), {
      occurredAt: daysAfter(MADE_AT, 1),
      recordedAt,
    });
    const flagged = apply(progressed, someFacts.at_risk_flagged());
    const informed = apply(flagged, someFacts.customer_informed());
    const fulfilled = apply(informed, someFacts.fulfilled());
    const toldAfter = apply(fulfilled, someFacts.customer_informed());

    expect(
      [made, progressed, flagged, informed, fulfilled, toldAfter].map((s) => s.version),
    ).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progressed.updatedAt).toBe(recordedAt);
  });

  it('applying an event leaves the state it was given untouched', () => {
    const state = applyAll(aMadePromise(), [someFacts.at_risk_flagged(), someFacts.progress()]);
    const before = structuredClone(state);

    apply(state, someFacts.customer_informed());
    apply(state, someFacts.renegotiated());
    apply(state, someFacts.fulfilled('partial'));
    apply(state, someFacts.missed());

    expect(state).toEqual(before);
  });
});

describe('deriving the state from events', () => {
  function recordedEvents(): PromiseEvent[] {
    const facts: PromiseEventChange[] = [
      someFacts.condition_met(),
      someFacts.progress(),
      someFacts.at_risk_flagged(),
      someFacts.customer_informed(),
      someFacts.renegotiated(),
      someFacts.fulfilled('partial'),
      someFacts.fulfilled('full'),
      someFacts.customer_informed(),
    ];
    const made = aMadeEvent({ condition: 'provided the customer sends the specs' });
    const events: PromiseEvent[] = [made];
    let state = applyPromiseEvent(null, made);
    for (const [index, fact] of facts.entries()) {
      const event = nextEvent(state, fact, { occurredAt: daysAfter(MADE_AT, index + 1) });
      events.push(event);
      state = applyPromiseEvent(state, event);
    }
    return events;
  }

  it('folds the events in order into the same state as applying them one by one', () => {
    const events = recordedEvents();
    const stepByStep = events.reduce<PromiseState | null>(applyPromiseEvent, null);

    expect(derivePromiseState(events)).toEqual(stepByStep);
    expect(derivePromiseState(events)).toMatchObject({ status: 'fulfilled', version: 9 });
  });

  it('a promise with no events was never made', () => {
    const error = domainErrorFrom(() => derivePromiseState([]));

    expect(error).toMatchObject({ code: 'promise_not_made', kind: 'illegal_transition' });
  });

  it('events that do not start with made were never made', () => {
    const error = domainErrorFrom(() => derivePromiseState(recordedEvents().slice(1)));

    expect(error.code).toBe('promise_not_made');
  });

  it('events with one missing in the middle are out of sequence', () => {
    const events = recordedEvents();
    const error = domainErrorFrom(() =>
      derivePromiseState([...events.slice(0, 3), ...events.slice(4)]),
    );

    expect(error).toMatchObject({ code: 'event_out_of_sequence', kind: 'conflict' });
  });
});

describe('statuses', () => {
  it('exactly fulfilled, missed, released and cancelled are closed', () => {
    expect(promiseStatuses.filter(isClosed)).toEqual([
      'fulfilled',
      'missed',
      'released',
      'cancelled',
    ]);
  });
});
