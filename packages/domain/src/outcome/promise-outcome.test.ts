import { describe, expect, it } from 'vitest';
import { nineToFiveMinutes, outcomeOf, wallClockMinutes } from '../__tests__/outcome-builders.ts';
import {
  aConditionalPromise,
  aMadePromise,
  apply,
  DUE_AT,
  pointDue,
  someFacts,
  windowDue,
} from '../__tests__/promise-builders.ts';
import type { PromiseState } from '../promise/promise-state.ts';
import type { PromiseOutcome } from './promise-outcome.ts';

// The promise is made on Monday 2 March 2026 at 09:00 UTC and due Monday 9 March at 17:00;
// business time is Monday to Friday, 09:00–17:00 UTC (480 minutes a day).
const at = (dayAndTime: string) => `2026-03-${dayAndTime}:00.000Z`;

function fulfilledAt(state: PromiseState, when: string): PromiseState {
  return apply(state, someFacts.fulfilled(), { occurredAt: when });
}

function expectKind<K extends PromiseOutcome['kind']>(
  outcome: PromiseOutcome,
  kind: K,
): Extract<PromiseOutcome, { kind: K }> {
  expect(outcome.kind).toBe(kind);
  return outcome as Extract<PromiseOutcome, { kind: K }>;
}

describe('a delivery against its due', () => {
  it('is on time before a point due, saying how far ahead of the deadline it came', () => {
    const outcome = expectKind(outcomeOf(fulfilledAt(aMadePromise(), at('06T17:00'))), 'on_time');
    expect(outcome.aheadOfDeadlineMinutes).toBe(480);
    expect(outcome.lateVsOriginalMinutes).toBe(-480);
    expect(outcome.slips).toEqual([]);
    expect(outcome.announcedBeforeDue).toBeNull();
  });

  it('is on time exactly at a point due', () => {
    const outcome = expectKind(outcomeOf(fulfilledAt(aMadePromise(), DUE_AT)), 'on_time');
    expect(outcome.aheadOfDeadlineMinutes).toBe(0);
  });

  it('is early by the business minutes until a window opens when it comes before the window', () => {
    const state = aMadePromise({ due: windowDue(at('04T09:00'), at('06T17:00')) });
    const outcome = expectKind(outcomeOf(fulfilledAt(state, at('03T13:00'))), 'early');
    expect(outcome.earlyByMinutes).toBe(240);
    expect(outcome.aheadOfDeadlineMinutes).toBe(240 + 3 * 480);
  });

  it('is on time within a window', () => {
    const state = aMadePromise({ due: windowDue(at('04T09:00'), at('06T17:00')) });
    expectKind(outcomeOf(fulfilledAt(state, at('05T11:00'))), 'on_time');
  });

  it('is late by the business minutes past the deadline, not the wall-clock ones', () => {
    const state = fulfilledAt(aMadePromise(), at('10T11:00'));
    expect(expectKind(outcomeOf(state), 'late').lateByMinutes).toBe(120);
    const wallClock = outcomeOf(state, { businessMinutesBetween: wallClockMinutes });
    expect(expectKind(wallClock, 'late').lateByMinutes).toBe(18 * 60);
  });

  it('is late, by zero business minutes, when it comes after hours on the due day', () => {
    const outcome = expectKind(outcomeOf(fulfilledAt(aMadePromise(), at('09T20:00'))), 'late');
    expect(outcome.lateByMinutes).toBe(0);
    expect(outcome.slips).toHaveLength(1);
  });

  it('is judged on the delivery in full, listing the parts delivered before it', () => {
    const partly = apply(aMadePromise(), someFacts.fulfilled('partial'), {
      occurredAt: at('05T10:00'),
    });
    const outcome = expectKind(outcomeOf(fulfilledAt(partly, at('06T10:00'))), 'on_time');
    expect(outcome.partialDeliveries).toEqual([at('05T10:00')]);
  });
});

describe('a renegotiated promise', () => {
  const renegotiated = (when: string, newDue = pointDue(at('16T17:00'))) =>
    apply(aMadePromise(), someFacts.renegotiated(newDue), { occurredAt: when });

  it('kept by the new date is renegotiated-and-kept, announced when agreed before the due', () => {
    const state = fulfilledAt(renegotiated(at('06T10:00')), at('12T17:00'));
    const outcome = expectKind(outcomeOf(state), 'renegotiated_kept');
    expect(outcome.announcedBeforeDue).toBe(true);
    expect(outcome.deadline).toBe(at('16T17:00'));
    expect(outcome.originalDeadline).toBe(DUE_AT);
    expect(outcome.aheadOfDeadlineMinutes).toBe(2 * 480);
    expect(outcome.lateVsOriginalMinutes).toBe(3 * 480);
    expect(outcome.slips).toEqual([
      { deadline: DUE_AT, cause: 'renegotiated', at: at('06T10:00'), announced: true },
    ]);
  });

  it('counts as a silent slip when the new date was only agreed after the due had passed', () => {
    const state = fulfilledAt(renegotiated(at('10T10:00')), at('12T17:00'));
    expect(outcomeOf(state).announcedBeforeDue).toBe(false);
  });

  it('counts as announced when the customer was told before the due, even if agreed after it', () => {
    const told = apply(aMadePromise(), someFacts.customer_informed(), {
      occurredAt: at('06T10:00'),
    });
    const state = apply(told, someFacts.renegotiated(pointDue(at('16T17:00'))), {
      occurredAt: at('10T10:00'),
    });
    expect(outcomeOf(fulfilledAt(state, at('12T17:00'))).announcedBeforeDue).toBe(true);
  });

  it('has no slip when the new date is earlier than the old one', () => {
    const state = fulfilledAt(
      renegotiated(at('03T10:00'), pointDue(at('06T17:00'))),
      at('06T12:00'),
    );
    const outcome = expectKind(outcomeOf(state), 'renegotiated_kept');
    expect(outcome.slips).toEqual([]);
    expect(outcome.announcedBeforeDue).toBeNull();
  });

  it('delivered after the new date is late against it, and later still against the original', () => {
    const state = fulfilledAt(renegotiated(at('06T10:00')), at('17T13:00'));
    const outcome = expectKind(outcomeOf(state), 'late');
    expect(outcome.lateByMinutes).toBe(240);
    expect(outcome.lateVsOriginalMinutes).toBe(5 * 480 + 240);
    expect(outcome.slips.map((slip) => [slip.cause, slip.announced])).toEqual([
      ['renegotiated', true],
      ['passed', false],
    ]);
    expect(outcome.announcedBeforeDue).toBe(false);
  });
});

describe('a missed promise', () => {
  const missedAt = (state: PromiseState, when: string) =>
    apply(state, someFacts.missed(), { occurredAt: when });

  it('is announced when the customer was told before the due', () => {
    const told = apply(aMadePromise(), someFacts.customer_informed(), {
      occurredAt: at('09T10:00'),
    });
    const outcome = expectKind(outcomeOf(missedAt(told, at('10T10:00'))), 'missed');
    expect(outcome.announcedBeforeDue).toBe(true);
    expect(outcome.overdueByMinutes).toBe(60);
  });

  it('is silent when the customer was told only after the due', () => {
    const told = apply(aMadePromise(), someFacts.customer_informed(), {
      occurredAt: at('10T09:30'),
    });
    expect(outcomeOf(missedAt(told, at('10T10:00'))).announcedBeforeDue).toBe(false);
  });

  it('is silent when the only notice concerned an earlier due that was since renegotiated', () => {
    const told = apply(aMadePromise(), someFacts.customer_informed(), {
      occurredAt: at('05T10:00'),
    });
    const moved = apply(told, someFacts.renegotiated(pointDue(at('16T17:00'))), {
      occurredAt: at('06T10:00'),
    });
    const outcome = outcomeOf(missedAt(moved, at('17T10:00')));
    expect(outcome.slips.map((slip) => slip.announced)).toEqual([true, false]);
    expect(outcome.announcedBeforeDue).toBe(false);
  });

  it('recorded before its deadline is still a slip, overdue by nothing', () => {
    const outcome = expectKind(outcomeOf(missedAt(aMadePromise(), at('06T10:00'))), 'missed');
    expect(outcome.overdueByMinutes).toBe(0);
    expect(outcome.slips).toHaveLength(1);
  });

  it('delivered in part first is a miss that says the customer got something', () => {
    const partly = apply(aMadePromise(), someFacts.fulfilled('partial'), {
      occurredAt: at('06T10:00'),
    });
    const outcome = expectKind(outcomeOf(missedAt(partly, at('10T10:00'))), 'missed');
    expect(outcome.partlyDelivered).toBe(true);
    expect(outcome.partialDeliveries).toEqual([at('06T10:00')]);
  });
});

describe('a promise closed without delivery', () => {
  it('released before its deadline is released in time', () => {
    const state = apply(aMadePromise(), someFacts.released(), { occurredAt: at('05T10:00') });
    const outcome = expectKind(outcomeOf(state), 'released');
    expect(outcome.afterDeadline).toBe(false);
    expect(outcome.slips).toEqual([]);
  });

  it('released after its deadline says so, and how long overdue it was', () => {
    const state = apply(aMadePromise(), someFacts.released(), { occurredAt: at('10T13:00') });
    const outcome = expectKind(outcomeOf(state), 'released');
    expect(outcome.afterDeadline).toBe(true);
    expect(outcome.overdueByMinutes).toBe(240);
    expect(outcome.slips).toHaveLength(1);
  });

  it('cancelled by us is cancelled, in time or not', () => {
    const state = apply(aMadePromise(), someFacts.cancelled(), { occurredAt: at('05T10:00') });
    const outcome = expectKind(outcomeOf(state), 'cancelled');
    expect(outcome.afterDeadline).toBe(false);
    expect(outcome.closedAt).toBe(at('05T10:00'));
  });
});

describe('an open promise', () => {
  it('is not overdue before its deadline', () => {
    const outcome = expectKind(outcomeOf(aMadePromise(), { now: at('09T16:00') }), 'open');
    expect(outcome.overdue).toBe(false);
    expect(outcome.overdueByMinutes).toBe(0);
  });

  it('is overdue once now is past its deadline, by business minutes', () => {
    const outcome = expectKind(outcomeOf(aMadePromise(), { now: at('11T10:00') }), 'open');
    expect(outcome.overdue).toBe(true);
    expect(outcome.overdueByMinutes).toBe(480 + 60);
    expect(outcome.announcedBeforeDue).toBe(false);
  });

  it('is never overdue while it waits for its condition', () => {
    const outcome = expectKind(outcomeOf(aConditionalPromise(), { now: at('20T10:00') }), 'open');
    expect(outcome.awaitingCondition).toBe(true);
    expect(outcome.overdue).toBe(false);
  });
});

describe('the original due', () => {
  it('is the due agreed when a condition was met, not the one the promise was made with', () => {
    const met = apply(
      aConditionalPromise(),
      { type: 'condition_met', newDue: pointDue(at('13T17:00')) },
      { occurredAt: at('06T09:00') },
    );
    const outcome = expectKind(outcomeOf(fulfilledAt(met, at('16T10:00'))), 'late');
    expect(outcome.originalDeadline).toBe(at('13T17:00'));
    expect(outcome.lateVsOriginalMinutes).toBe(60);
    expect(outcome.renegotiationCount).toBe(0);
  });
});

describe('the business time', () => {
  it('is the injected measure: the 9-to-5 stub skips nights and weekends', () => {
    expect(nineToFiveMinutes(at('06T16:00'), at('09T10:00'))).toBe(120);
    expect(nineToFiveMinutes(at('09T10:00'), at('06T16:00'))).toBe(-120);
  });
});
