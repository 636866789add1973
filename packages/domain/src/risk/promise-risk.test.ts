import { describe, expect, it } from 'vitest';
import { domainErrorFrom } from '../__tests__/promise-builders.ts';
import { anOpenPromise, BUSINESS_DAY, tenDeliveries } from '../__tests__/survival-builders.ts';
import { kaplanMeier } from '../calibration/kaplan-meier.ts';
import { assessPromiseRisk } from './promise-risk.ts';
import { defaultRiskSettings, riskSettingsSchema } from './risk-settings.ts';

const days = (n: number) => n * BUSINESS_DAY;
const settings = defaultRiskSettings;

describe('assessPromiseRisk', () => {
  it('does not flag a promise whose chance by the due is above the threshold', () => {
    const promise = anOpenPromise({ elapsedMinutes: 0, dueMinutes: days(7) });

    const assessment = assessPromiseRisk({ promise, curve: tenDeliveries, settings });

    expect(assessment).toMatchObject({ basis: 'history', atRisk: false, threshold: 0.5 });
    expect(assessment.chanceOfKeeping).toBeCloseTo(0.7, 12);
    expect(assessment.explanation).toBe(
      'Of comparable promises still open after 0 business minutes, 70% were fulfilled by 7 ' +
        'business days, its due: not below the 50% threshold.',
    );
  });

  it('flags a promise whose chance, given the time already elapsed, is below the threshold', () => {
    // Still open after 4 days: 6 of 10 comparable ones were; 1 of those 6 was done by day 5.
    const promise = anOpenPromise({ elapsedMinutes: days(4), dueMinutes: days(5) });

    const assessment = assessPromiseRisk({ promise, curve: tenDeliveries, settings });

    expect(assessment).toMatchObject({ basis: 'history', atRisk: true });
    expect(assessment.survivalAtElapsed).toBeCloseTo(0.6, 12);
    expect(assessment.survivalAtDue).toBeCloseTo(0.5, 12);
    expect(assessment.chanceOfKeeping).toBeCloseTo(1 / 6, 12);
  });

  it('judges against a configured threshold', () => {
    const promise = anOpenPromise({ elapsedMinutes: days(4), dueMinutes: days(5) });
    const lenient = riskSettingsSchema.parse({ atRiskBelow: 0.1 });

    expect(assessPromiseRisk({ promise, curve: tenDeliveries, settings: lenient }).atRisk).toBe(
      false,
    );
  });

  it('gives an overdue promise a chance of 0, from the moment its due is reached', () => {
    const atDue = anOpenPromise({ elapsedMinutes: days(5), dueMinutes: days(5) });
    const past = anOpenPromise({ elapsedMinutes: days(6), dueMinutes: days(5) });

    for (const promise of [atDue, past]) {
      expect(assessPromiseRisk({ promise, curve: tenDeliveries, settings })).toMatchObject({
        basis: 'overdue',
        chanceOfKeeping: 0,
        atRisk: true,
      });
    }
  });

  it('flags a promise open longer than any comparable one as very risky, without inventing a chance', () => {
    const promise = anOpenPromise({ elapsedMinutes: days(11), dueMinutes: days(12) });

    const assessment = assessPromiseRisk({ promise, curve: tenDeliveries, settings });

    expect(assessment).toMatchObject({
      basis: 'beyond_record',
      chanceOfKeeping: null,
      atRisk: true,
    });
    expect(assessment.explanation).toMatch(/^Beyond the record: .* Treat it as very risky\.$/);
  });

  it('does not flag anything on a record with no fulfilled promise, except what is overdue', () => {
    const allOpen = kaplanMeier([{ durationMinutes: days(3), fulfilled: false }]);
    const running = anOpenPromise({ elapsedMinutes: days(1), dueMinutes: days(5) });
    const late = anOpenPromise({ elapsedMinutes: days(6), dueMinutes: days(5) });

    expect(assessPromiseRisk({ promise: running, curve: allOpen, settings })).toMatchObject({
      basis: 'no_record',
      chanceOfKeeping: null,
      atRisk: false,
    });
    expect(assessPromiseRisk({ promise: late, curve: allOpen, settings }).atRisk).toBe(true);
  });

  it('assumes no fulfilments after the longest observation, which errs towards flagging', () => {
    // Half fulfilled within 5 days; the other half last seen open at day 6. A due at day 20 lies
    // beyond the record: the curve stays at 0.5 there, so the chance is read as 0.
    const curve = kaplanMeier([
      ...[1, 2, 3, 4, 5].map((d) => ({ durationMinutes: days(d), fulfilled: true })),
      ...[6, 6, 6, 6, 6].map((d) => ({ durationMinutes: days(d), fulfilled: false })),
    ]);
    const promise = anOpenPromise({ elapsedMinutes: days(5.5), dueMinutes: days(20) });

    expect(assessPromiseRisk({ promise, curve, settings })).toMatchObject({
      chanceOfKeeping: 0,
      atRisk: true,
    });
  });

  it('reports a reached milestone, says it leaves the chance unchanged, and why', () => {
    const bare = anOpenPromise({ elapsedMinutes: days(4), dueMinutes: days(5) });
    const withMilestone = {
      ...bare,
      lastMilestone: { milestone: 'Handed to the carrier', at: '2026-03-05T10:00:00.000Z' },
    };

    const plain = assessPromiseRisk({ promise: bare, curve: tenDeliveries, settings });
    const assessed = assessPromiseRisk({ promise: withMilestone, curve: tenDeliveries, settings });

    expect(plain.milestone).toBeNull();
    expect(assessed.chanceOfKeeping).toBe(plain.chanceOfKeeping);
    expect(assessed.milestone).toMatchObject({
      milestone: 'Handed to the carrier',
      treatment: 'not_used_in_chance',
    });
    expect(assessed.milestone?.why).toContain('not when their milestones were reached');
  });

  it('refuses a negative elapsed time', () => {
    const promise = anOpenPromise({ elapsedMinutes: -1 });

    expect(
      domainErrorFrom(() => assessPromiseRisk({ promise, curve: tenDeliveries, settings })).field,
    ).toBe('promise.elapsedMinutes');
  });
});
