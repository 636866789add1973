import { describe, expect, it } from 'vitest';
import {
  accountId,
  berlinOffice,
  defectsTerm,
  firstCharter,
  firstResponseTerm,
} from '../charter/charter-fixtures.ts';
import type { CharterObservation } from '../charter/charter-observation.ts';
import {
  charterBreachEvent,
  charterReviewDueEvent,
  charterReviewDueKey,
} from './charter-webhook-events.ts';

const charter = firstCharter([firstResponseTerm, defectsTerm]);
const [responseTerm, quantityTerm] = charter.current.terms;

function anObservation(overrides: Partial<CharterObservation>): CharterObservation {
  return {
    id: '00000000-0000-7000-8000-00000000c001',
    accountId,
    termId: responseTerm?.id ?? '',
    charterVersion: 1,
    reference: 'TICKET-1',
    occurredAt: '2026-02-02T12:00:00.000Z',
    startedAt: null,
    endedAt: null,
    businessMinutes: null,
    quantity: null,
    note: null,
    recordedAt: '2026-02-02T12:00:00.000Z',
    recordedBy: null,
    ...overrides,
  };
}

describe('a charter breach as a webhook event', () => {
  if (responseTerm === undefined || quantityTerm === undefined) throw new Error('two terms');

  it('an observation over its term target is a breach, with how far over', () => {
    const event = charterBreachEvent(
      anObservation({ businessMinutes: 300 }),
      responseTerm,
      berlinOffice,
    );
    expect(event).toEqual({
      type: 'charter.breached',
      accountId,
      occurredAt: '2026-02-02T12:00:00.000Z',
      data: expect.objectContaining({
        termId: responseTerm.id,
        term: 'first response time: 95% within 4 business hours',
        observationId: '00000000-0000-7000-8000-00000000c001',
        reference: 'TICKET-1',
        measured: 300,
        limit: 240,
        over: 60,
        unit: 'business_minutes',
      }),
    });
  });

  it('an observation exactly at the target meets it: no event', () => {
    expect(
      charterBreachEvent(anObservation({ businessMinutes: 240 }), responseTerm, berlinOffice),
    ).toBeNull();
  });

  it('a quantity term breaches above its atMost', () => {
    const within = anObservation({ termId: quantityTerm.id, quantity: 2 });
    const over = anObservation({ termId: quantityTerm.id, quantity: 3 });
    expect(charterBreachEvent(within, quantityTerm, berlinOffice)).toBeNull();
    expect(charterBreachEvent(over, quantityTerm, berlinOffice)?.data).toMatchObject({
      measured: 3,
      limit: 2,
      over: 1,
      unit: 'defects per release',
    });
  });
});

describe('a charter review coming due as a webhook event', () => {
  it('happens at the next review date and names the version to review', () => {
    expect(charterReviewDueEvent(charter.head)).toEqual({
      type: 'charter.review_due',
      accountId,
      occurredAt: charter.head.nextReviewAt,
      data: {
        accountId,
        charterVersion: 1,
        lastReviewedAt: null,
        nextReviewAt: charter.head.nextReviewAt,
      },
    });
  });

  it('is the same event for the same review date, and a new one once the date moves', () => {
    const key = charterReviewDueKey(charter.head);
    expect(charterReviewDueKey({ ...charter.head })).toBe(key);
    expect(
      charterReviewDueKey({ ...charter.head, nextReviewAt: '2027-01-05T09:00:00.000Z' }),
    ).not.toBe(key);
  });
});
