import { describe, expect, it } from 'vitest';
import { deliveredFacts, openFacts } from '../__tests__/forecast-builders.ts';
import { aKeptOutcome, aMissedOutcome } from '../__tests__/outcome-builders.ts';
import { NOW } from '../__tests__/promise-builders.ts';
import type { OpenOutcome } from '../outcome/promise-outcome.ts';
import { resolutionFactsOf, resolutionFactsSchema } from './resolution-facts.ts';

const measures = {
  promisedMinutes: 2400,
  fulfilledMinutes: null,
  closedMinutes: 1800,
  latenessMinutes: null,
};

describe('resolution facts', () => {
  it('take the fulfilment of a delivered promise from its outcome and measures', () => {
    const kept = aKeptOutcome();
    const facts = resolutionFactsOf({
      outcome: kept,
      measures: { ...measures, fulfilledMinutes: 1800 },
      asOf: NOW,
      clockMinutes: 4000,
    });
    expect(facts).toEqual({
      promiseId: kept.promiseId,
      asOf: NOW,
      status: 'on_time',
      fulfilledAt: kept.fulfilledAt,
      fulfilledMinutes: 1800,
      closedAt: kept.closedAt,
      closedMinutes: 1800,
      clockMinutes: 4000,
    });
    expect(resolutionFactsSchema.safeParse(facts).success).toBe(true);
  });

  it('give a missed promise no fulfilment, and an open one awaiting its condition no clock', () => {
    const missed = resolutionFactsOf({
      outcome: aMissedOutcome(),
      measures,
      asOf: NOW,
      clockMinutes: 4000,
    });
    expect(missed).toMatchObject({ status: 'missed', fulfilledAt: null, closedMinutes: 1800 });
    const awaiting: OpenOutcome = {
      ...aMissedOutcome(),
      kind: 'open',
      awaitingCondition: true,
      overdue: false,
      overdueByMinutes: 0,
    };
    const open = resolutionFactsOf({ outcome: awaiting, measures, asOf: NOW, clockMinutes: null });
    expect(open).toMatchObject({ status: 'open', closedAt: null, clockMinutes: null });
  });

  it('refuse a delivered status without its fulfilment, or an open one with a closing', () => {
    const paths = (value: unknown) =>
      resolutionFactsSchema.safeParse(value).error?.issues.map((issue) => issue.path.join('.'));
    expect(paths({ ...deliveredFacts(100), fulfilledAt: null })).toEqual(['fulfilledAt']);
    expect(paths({ ...openFacts(100), closedAt: NOW })).toEqual(['closedAt']);
  });
});
