import { describe, expect, it } from 'vitest';
import {
  aMadePromise,
  apply,
  DUE_AT,
  daysAfter,
  ids,
  MADE_AT,
  someFacts,
  windowDue,
} from '../__tests__/promise-builders.ts';
import { summarisePromise } from './promise-summary.ts';

describe('summarisePromise', () => {
  it('summarises a promise just made', () => {
    expect(summarisePromise(aMadePromise())).toEqual({
      id: ids.promise,
      accountId: ids.account,
      contactId: ids.contact,
      ownerId: ids.owner,
      kind: 'delivery',
      title: 'Ship the replacement pump',
      importance: 'normal',
      status: 'open',
      conditional: false,
      madeAt: MADE_AT,
      clockStartedAt: MADE_AT,
      dueStart: DUE_AT,
      dueDeadline: DUE_AT,
      originalDueDeadline: DUE_AT,
      atRisk: false,
      lastInformedAt: null,
      renegotiationCount: 0,
      fulfilledAt: null,
      closedAt: null,
      sourceType: 'manual',
      version: 1,
      updatedAt: MADE_AT,
    });
  });

  it('gives the due in force, from a renegotiated window, beside the original deadline', () => {
    const newDue = windowDue(daysAfter(DUE_AT, 2), daysAfter(DUE_AT, 4));
    const summary = summarisePromise(apply(aMadePromise(), someFacts.renegotiated(newDue)));

    expect(summary).toMatchObject({
      dueStart: daysAfter(DUE_AT, 2),
      dueDeadline: daysAfter(DUE_AT, 4),
      originalDueDeadline: DUE_AT,
      renegotiationCount: 1,
    });
  });

  it('gives when the customer was last told', () => {
    const first = apply(aMadePromise(), someFacts.customer_informed(), {
      occurredAt: daysAfter(MADE_AT, 1),
    });
    const second = apply(first, someFacts.customer_informed(), {
      occurredAt: daysAfter(MADE_AT, 3),
    });

    expect(summarisePromise(second).lastInformedAt).toBe(daysAfter(MADE_AT, 3));
  });

  it('marks a conditional promise and an integration source', () => {
    const summary = summarisePromise(
      aMadePromise({
        condition: 'provided the customer sends the specs',
        source: { type: 'integration', system: 'Zendesk', reference: '4711' },
      }),
    );

    expect(summary).toMatchObject({
      conditional: true,
      status: 'awaiting_condition',
      clockStartedAt: null,
      sourceType: 'integration',
    });
  });
});
