import { describe, expect, it } from 'vitest';
import { aRiskForecast, numberedId } from '../__tests__/forecast-builders.ts';
import { ids } from '../__tests__/promise-builders.ts';
import { anOpenPromise, tenDeliveries } from '../__tests__/survival-builders.ts';
import { assessPromiseRisk } from '../risk/promise-risk.ts';
import { defaultRiskSettings } from '../risk/risk-settings.ts';
import { riskForecastFrom, riskForecastSchema } from './risk-forecast.ts';

describe('recording a risk forecast', () => {
  it('keeps the chance computed for an open promise, with the due it was about', () => {
    // Ten deliveries fulfilled after 1…10 days; due after 5, still open after 4: 16.7%.
    const promise = anOpenPromise();
    const assessment = assessPromiseRisk({
      promise,
      curve: tenDeliveries,
      settings: defaultRiskSettings,
    });
    const forecast = riskForecastFrom({
      id: numberedId(1, 1),
      assessment,
      kind: promise.kind,
      accountId: ids.account,
      ownerId: ids.owner,
      occasion: 'first_flagged',
      madeAt: '2026-03-06T09:00:00.000Z',
      dueAt: promise.dueAt,
    });
    expect(forecast.chance).toBeCloseTo(1 / 6, 12);
    expect(forecast).toMatchObject({
      basis: 'history',
      dueAt: promise.dueAt,
      promiseId: promise.promiseId,
    });
    expect(riskForecastSchema.safeParse(forecast).success).toBe(true);
  });

  it('needs a chance exactly when the record could give one', () => {
    const issues = (value: unknown) =>
      riskForecastSchema.safeParse(value).error?.issues.map((issue) => issue.path.join('.'));
    expect(issues(aRiskForecast({ chance: null, basis: 'beyond_record' }))).toBeUndefined();
    expect(issues(aRiskForecast({ chance: null, basis: 'history' }))).toEqual(['chance']);
    expect(issues(aRiskForecast({ chance: 0.4, basis: 'no_record' }))).toEqual(['chance']);
    expect(issues(aRiskForecast({ chance: 0, basis: 'overdue' }))).toBeUndefined();
  });
});
