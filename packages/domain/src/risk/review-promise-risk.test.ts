import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anOpenPromise,
  BUSINESS_DAY,
  tenDeliveries,
  wallClockAddBusinessMinutes,
} from '../__tests__/survival-builders.ts';
import { kaplanMeier } from '../calibration/kaplan-meier.ts';
import { reviewPromiseRisk } from './review-promise-risk.ts';
import { defaultRiskSettings, riskSettingsSchema } from './risk-settings.ts';

const days = (n: number) => n * BUSINESS_DAY;
const common = {
  curve: tenDeliveries,
  settings: defaultRiskSettings,
  addBusinessMinutes: wallClockAddBusinessMinutes,
  timeZone: 'UTC',
};

describe('reviewPromiseRisk', () => {
  it('drafts no notice for a promise that is not at risk', () => {
    const review = reviewPromiseRisk({
      ...common,
      promise: anOpenPromise({ elapsedMinutes: 0, dueMinutes: days(7) }),
    });

    expect(review.assessment.atRisk).toBe(false);
    expect(review.notice).toBeNull();
  });

  it('drafts a notice for a promise at risk', () => {
    const promise = anOpenPromise({ elapsedMinutes: days(4), dueMinutes: days(5) });

    const review = reviewPromiseRisk({ ...common, promise, reason: 'The carrier is delayed' });

    expect(review.assessment.atRisk).toBe(true);
    expect(review.notice?.promiseId).toBe(promise.promiseId);
    expect(review.notice?.whatHappened).toContain('The reason: The carrier is delayed.');
  });

  it('always proposes a new date after the due it replaces', () => {
    const historyArb = fc.array(
      fc.record({ durationMinutes: fc.integer({ min: 0, max: 40 }), fulfilled: fc.boolean() }),
      { minLength: 1, maxLength: 40 },
    );
    const settingsArb = fc
      .tuple(
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      )
      .map(([a, b]) =>
        riskSettingsSchema.parse({ atRiskBelow: Math.min(a, b), newDateLevel: Math.max(a, b) }),
      );

    fc.assert(
      fc.property(
        historyArb,
        settingsArb,
        fc.integer({ min: 0, max: 45 }),
        fc.integer({ min: 0, max: 45 }),
        (history, settings, elapsedMinutes, dueMinutes) => {
          const promise = anOpenPromise({ elapsedMinutes, dueMinutes });
          const review = reviewPromiseRisk({
            ...common,
            curve: kaplanMeier(history),
            settings,
            promise,
          });
          if (review.notice?.newDate.kind !== 'found') return;

          expect(review.notice.newDate.minutesFromClockStart).toBeGreaterThan(
            Math.max(dueMinutes, elapsedMinutes),
          );
        },
      ),
    );
  });
});
