import { describe, expect, it } from 'vitest';
import { makePromise, recordPromiseEvent } from '../promise/promise-commands.ts';
import {
  businessDurationWords,
  counterOfferOf,
  counterRequest,
  counterRequestInputSchema,
  dueOnceConditionMet,
} from './counter-offer.ts';
import { declineRequest, declineRequestInputSchema } from './request-answers.ts';
import {
  ANSWERED_AT,
  anOpenRequest,
  berlinOffice,
  domainErrorOf,
  requestIds,
} from './request-fixtures.ts';

const stamp = {
  now: ANSWERED_AT,
  actorId: requestIds.owner,
  promiseId: requestIds.promise,
  calendar: berlinOffice,
};
const tenBusinessDays = { amount: 10, unit: 'business_days' } as const;
const condition = 'provided the customer sends the signed specs';
const counter = (input: Record<string, unknown> = {}) =>
  counterRequestInputSchema.parse({
    requestId: requestIds.request,
    expectedVersion: 1,
    offer: 'Delivery of all 40 pallets',
    condition,
    within: tenBusinessDays,
    ...input,
  });

describe('counterRequest', () => {
  it('stores the counter: what we can do, the condition, and how long after it is met', () => {
    const { request } = counterRequest(anOpenRequest(), counter(), stamp);

    expect(request).toMatchObject({
      status: 'countered',
      version: 2,
      answer: {
        type: 'countered',
        promiseId: requestIds.promise,
        offer: 'Delivery of all 40 pallets',
        condition,
        within: tenBusinessDays,
        answeredAt: ANSWERED_AT,
      },
    });
  });

  it('makes a conditional promise whose clock waits for the condition', () => {
    const { promise } = counterRequest(anOpenRequest(), counter(), stamp);
    const made = makePromise(promise, { ...stamp, eventId: requestIds.actor });

    expect(promise).toMatchObject({
      title: 'Delivery of all 40 pallets',
      condition,
      kind: 'delivery',
      details:
        'Counter-offer to the request "40 pallets of grout by Friday": Delivery of all 40 pallets, within 10 business days once the condition is met.',
      // Monday 12:00 in Berlin + 10 business days = Monday two weeks on, 12:00 (11:00 UTC).
      due: { kind: 'point', at: '2026-03-16T11:00:00.000Z' },
    });
    expect(made.state).toMatchObject({ status: 'awaiting_condition', clockStartedAt: null });
  });

  it('starts the clock when the condition is met, due the counter’s duration from then', () => {
    const { promise } = counterRequest(anOpenRequest(), counter(), stamp);
    const made = makePromise(promise, { ...stamp, eventId: requestIds.actor });
    const metAt = '2026-03-09T13:00:00.000Z';
    const newDue = dueOnceConditionMet(tenBusinessDays, { calendar: berlinOffice, metAt });

    const met = recordPromiseEvent(
      made.state,
      { expectedVersion: 1, event: { type: 'condition_met', newDue } },
      { eventId: requestIds.request, now: metAt, actorId: requestIds.owner },
    );

    expect(met.state).toMatchObject({
      status: 'open',
      clockStartedAt: metAt,
      due: { kind: 'point', at: '2026-03-23T13:00:00.000Z' },
    });
  });

  it('refuses to counter a request already answered', () => {
    const declined = declineRequest(
      anOpenRequest(),
      declineRequestInputSchema.parse({
        requestId: requestIds.request,
        expectedVersion: 1,
        reason: 'We no longer stock this grout.',
      }),
      stamp,
    );

    expect(
      domainErrorOf(() => counterRequest(declined, counter({ expectedVersion: 2 }), stamp)),
    ).toMatchObject({ code: 'request_already_answered', kind: 'illegal_transition' });
  });
});

describe('counterRequestInputSchema', () => {
  it('needs a condition and a duration of more than zero', () => {
    const result = counterRequestInputSchema.safeParse({
      requestId: requestIds.request,
      expectedVersion: 1,
      offer: 'Delivery of all 40 pallets',
      condition: ' ',
      within: { amount: 0, unit: 'business_days' },
    });

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['condition', 'must not be empty'],
      ['within.amount', 'must be more than zero'],
    ]);
  });
});

describe('counterOfferOf', () => {
  it('gives the counter of a countered request', () => {
    const { request } = counterRequest(anOpenRequest(), counter(), stamp);

    expect(counterOfferOf(request)).toMatchObject({ condition, within: tenBusinessDays });
  });

  it('refuses a request that was not countered', () => {
    expect(domainErrorOf(() => counterOfferOf(anOpenRequest()))).toMatchObject({
      code: 'request_not_countered',
      kind: 'illegal_transition',
    });
  });
});

describe('businessDurationWords', () => {
  it('says the duration as people do', () => {
    expect(businessDurationWords(tenBusinessDays)).toBe('10 business days');
    expect(businessDurationWords({ amount: 1, unit: 'business_hours' })).toBe('1 business hour');
    expect(businessDurationWords({ amount: 90, unit: 'business_minutes' })).toBe(
      '90 business minutes',
    );
  });
});
