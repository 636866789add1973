import { describe, expect, it } from 'vitest';
import { applyAll, closedPromise } from '../__tests__/closed-promises.ts';
import {
  aConditionalPromise,
  aMadeEvent,
  aMadePromise,
  apply,
  DUE_AT,
  daysAfter,
  domainErrorFrom,
  hoursAfter,
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
  closedStatuses,
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

describe('telling the customer', () => {
  const informed = (
    state: PromiseState,
    occurredAt: string,
    overrides: Parameters<typeof someFacts.customer_informed>[0] = {},
  ): PromiseState => apply(state, someFacts.customer_informed(overrides), { occurredAt });

  it('before the due, appends a notice that counts as before the due', () => {
    const at = hoursAfter(DUE_AT, -1);
    const state = informed(aMadePromise(), at, {
      channel: 'phone',
      alternativesOffered: ['Partial delivery on Friday'],
      apologised: true,
    });

    expect(state.notices).toEqual([
      {
        at,
        channel: 'phone',
        alternativesOffered: ['Partial delivery on Friday'],
        apologised: true,
        beforeDue: true,
      },
    ]);
  });

  it('at the very deadline still counts as before the due', () => {
    expect(informed(aMadePromise(), DUE_AT).notices[0]?.beforeDue).toBe(true);
  });

  it('after the due, appends a notice that does not count as before the due', () => {
    const state = informed(aMadePromise(), hoursAfter(DUE_AT, 1));

    expect(state.notices[0]?.beforeDue).toBe(false);
    expect(state.status).toBe('open');
  });

  it('with a window due, is judged against the end of the window', () => {
    const due = windowDue(daysAfter(MADE_AT, 3), daysAfter(MADE_AT, 5));
    const inWindow = informed(aMadePromise({ due }), daysAfter(MADE_AT, 4));
    const afterWindow = informed(inWindow, hoursAfter(daysAfter(MADE_AT, 5), 1));

    expect(afterWindow.notices.map((notice) => notice.beforeDue)).toEqual([true, false]);
  });

  it('is judged against the due in force after a renegotiation, not the original one', () => {
    const renegotiated = apply(
      aMadePromise(),
      someFacts.renegotiated(pointDue(daysAfter(DUE_AT, 7))),
      { occurredAt: daysAfter(MADE_AT, 1) },
    );
    const state = informed(renegotiated, daysAfter(DUE_AT, 1));

    expect(state.notices[0]?.beforeDue).toBe(true);
  });

  it('keeps every notice, in the order they were given', () => {
    const first = informed(aMadePromise(), daysAfter(MADE_AT, 1), { channel: 'email' });
    const second = informed(first, daysAfter(MADE_AT, 2), { channel: 'meeting' });

    expect(second.notices.map((notice) => notice.channel)).toEqual(['email', 'meeting']);
  });

  it('is allowed after a promise was missed, and then never counts as before the due', () => {
    // Missed early (e.g. the customer's slot was lost), told before the due date itself.
    const missed = apply(aMadePromise(), someFacts.missed(), { occurredAt: daysAfter(MADE_AT, 1) });
    const state = informed(missed, daysAfter(MADE_AT, 2));

    expect(Date.parse(daysAfter(MADE_AT, 2))).toBeLessThan(Date.parse(DUE_AT));
    expect(state.status).toBe('missed');
    expect(state.notices).toHaveLength(1);
    expect(state.notices[0]?.beforeDue).toBe(false);
    expect(state.version).toBe(3);
  });

  it.each(closedStatuses)('is allowed on a %s promise, which stays closed', (status) => {
    const closed = closedPromise(status);
    const state = informed(closed, daysAfter(MADE_AT, 2));

    expect(state.status).toBe(status);
    expect(state.closedAt).toBe(closed.closedAt);
    expect(state.notices).toHaveLength(1);
  });

  it('is allowed while the promise awaits its condition', () => {
    const state = informed(aConditionalPromise(), daysAfter(MADE_AT, 1));

    expect(state.status).toBe('awaiting_condition');
    expect(state.notices[0]?.beforeDue).toBe(true);
  });
});

describe('renegotiating', () => {
  it('changes the due and records from, to, the reason, and that the old due was still ahead', () => {
    const newDue = pointDue(daysAfter(DUE_AT, 7));
    const at = daysAfter(MADE_AT, 2);
    const state = apply(
      aMadePromise(),
      { type: 'renegotiated', newDue, reason: 'Supplier delay' },
      {
        occurredAt: at,
      },
    );

    expect(state.due).toEqual(newDue);
    expect(state.terms.due).toEqual(pointDue(DUE_AT));
    expect(state.renegotiations).toEqual([
      { at, from: pointDue(DUE_AT), to: newDue, reason: 'Supplier delay', beforeDue: true },
    ]);
    expect(state.status).toBe('open');
  });

  it('after the old due has passed, records the renegotiation as not before the due', () => {
    const state = apply(aMadePromise(), someFacts.renegotiated(pointDue(daysAfter(DUE_AT, 7))), {
      occurredAt: daysAfter(DUE_AT, 1),
    });

    expect(state.renegotiations[0]?.beforeDue).toBe(false);
  });

  it('clears the risk flag, since risk is judged against the new date', () => {
    const atRisk = apply(aMadePromise(), someFacts.at_risk_flagged(), {
      occurredAt: daysAfter(MADE_AT, 1),
    });
    const state = apply(atRisk, someFacts.renegotiated(), { occurredAt: daysAfter(MADE_AT, 2) });

    expect(state).toMatchObject({ atRisk: false, atRiskSince: null, atRiskReason: null });
  });

  it('twice, chains from the due in force each time', () => {
    const second = pointDue(daysAfter(DUE_AT, 7));
    const third = windowDue(daysAfter(DUE_AT, 10), daysAfter(DUE_AT, 12));
    const state = applyAll(aMadePromise(), [
      someFacts.renegotiated(second),
      someFacts.renegotiated(third),
    ]);

    expect(state.due).toEqual(third);
    expect(state.renegotiations.map(({ from, to }) => ({ from, to }))).toEqual([
      { from: pointDue(DUE_AT), to: second },
      { from: second, to: third },
    ]);
  });

  it('to a window that ends after the renegotiation is allowed even if it starts before it', () => {
    const at = daysAfter(MADE_AT, 2);
    const newDue = windowDue(daysAfter(MADE_AT, 1), daysAfter(MADE_AT, 3));
    const state = apply(aMadePromise(), someFacts.renegotiated(newDue), { occurredAt: at });

    expect(state.due).toEqual(newDue);
  });
});

describe('fulfilling', () => {
  it('in part keeps the promise open and records the partial delivery', () => {
    const at = daysAfter(MADE_AT, 2);
    const state = apply(aMadePromise(), someFacts.fulfilled('partial'), { occurredAt: at });

    expect(state.status).toBe('open');
    expect(state.partialDeliveries).toEqual([at]);
    expect(state.fulfilledAt).toBeNull();
    expect(state.closedAt).toBeNull();
  });

  it('in part twice records both partial deliveries in order', () => {
    const state = applyAll(aMadePromise(), [
      someFacts.fulfilled('partial'),
      someFacts.fulfilled('partial'),
    ]);

    expect(state.partialDeliveries).toEqual([daysAfter(MADE_AT, 1), daysAfter(MADE_AT, 2)]);
  });

  it('in full closes the promise as fulfilled, with when and the note', () => {
    const at = daysAfter(MADE_AT, 3);
    const state = apply(
      aMadePromise(),
      { type: 'fulfilled', completeness: 'full', note: 'Signed for by reception' },
      { occurredAt: at },
    );

    expect(state).toMatchObject({
      status: 'fulfilled',
      fulfilledAt: at,
      closedAt: at,
      closingNote: 'Signed for by reception',
    });
    expect(isClosed(state.status)).toBe(true);
  });

  it('in full after partial deliveries keeps the partial deliveries on record', () => {
    const state = applyAll(aMadePromise(), [
      someFacts.fulfilled('partial'),
      someFacts.fulfilled('full'),
    ]);

    expect(state.status).toBe('fulfilled');
    expect(state.partialDeliveries).toEqual([daysAfter(MADE_AT, 1)]);
    expect(state.fulfilledAt).toBe(daysAfter(MADE_AT, 2));
  });

  it('in full takes a promise that was at risk off the risk list', () => {
    const state = applyAll(aMadePromise(), [
      someFacts.at_risk_flagged(),
      someFacts.fulfilled('full'),
    ]);

    expect(state.atRisk).toBe(false);
  });

  it('a conditional promise, once its condition is met', () => {
    const state = applyAll(aConditionalPromise(), [
      someFacts.condition_met(),
      someFacts.fulfilled('full'),
    ]);

    expect(state.status).toBe('fulfilled');
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
