import { describe, expect, it } from 'vitest';
import { applyAll, closedPromise } from '../__tests__/closed-promises.ts';
import {
  aConditionalPromise,
  aMadePromise,
  apply,
  DUE_AT,
  daysAfter,
  hoursAfter,
  MADE_AT,
  pointDue,
  someFacts,
  windowDue,
} from '../__tests__/promise-builders.ts';
import { closedStatuses, isClosed, type PromiseState } from './promise-state.ts';

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
