import { describe, expect, it } from 'vitest';
import {
  aCalibrationForecast,
  aRiskForecast,
  closedUnfulfilledFacts,
  deliveredFacts,
  generatedForecastHistory,
  logNormalLevels,
  numberedId,
  openFacts,
} from '../__tests__/forecast-builders.ts';
import { logNormalDraw, seededRandom } from '../__tests__/survival-builders.ts';
import { DomainError } from '../shared/domain-error.ts';
import type { CalibrationForecast } from './calibration-forecast.ts';
import { auditForecasts } from './forecast-audit.ts';
import { defaultForecastAuditSettings as settings } from './forecast-audit-settings.ts';
import type { ResolutionFacts } from './resolution-facts.ts';

const period = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
const promise = (n: number) => numberedId(2, n);

describe('the forecast audit over a period', () => {
  it('counts only the forecasts made in [from, to)', () => {
    const made = (madeAt: string, n: number) =>
      aCalibrationForecast({ id: numberedId(1, n), promiseId: promise(n), madeAt });
    const audit = auditForecasts({
      period,
      calibrationForecasts: [
        made('2026-02-28T23:59:59.000Z', 1),
        made('2026-03-01T00:00:00.000Z', 2),
        made('2026-03-31T23:59:59.000Z', 3),
        made('2026-04-01T00:00:00.000Z', 4),
      ],
      riskForecasts: [aRiskForecast({ madeAt: '2026-04-01T00:00:00.000Z' })],
      facts: [],
      settings,
    });
    expect(audit.calibration.forecasts).toBe(2);
    expect(audit.risk.forecasts).toBe(0);
  });

  it('counts one calibration forecast per promise, the first, and every check on its own', () => {
    const first = aCalibrationForecast({
      id: numberedId(1, 1),
      madeAt: '2026-03-02T09:00:00.000Z',
    });
    const again = aCalibrationForecast({
      id: numberedId(1, 2),
      madeAt: '2026-03-03T09:00:00.000Z',
      levels: logNormalLevels(Math.log(100), 0.1),
    });
    const check = aCalibrationForecast({
      id: numberedId(1, 3),
      promiseId: null,
      checkId: numberedId(3, 1),
      occasion: 'check',
    });
    const audit = auditForecasts({
      period,
      calibrationForecasts: [again, first, check],
      riskForecasts: [],
      facts: [deliveredFacts(400)],
      settings,
    });
    expect(audit.calibration.forecasts).toBe(2);
    // The first forecast (1 day at 50%) holds for a 400-minute delivery; the second would not.
    const half = audit.calibration.coverage.overall.cells[0];
    expect(half).toMatchObject({ n: 1, hits: 1, unresolvable: 1 });
  });

  it('scores risk forecasts and chosen-date chances, and counts those without a chance apart', () => {
    const risk = [
      aRiskForecast({ id: numberedId(1, 1), promiseId: promise(1), chance: 0.8 }),
      aRiskForecast({ id: numberedId(1, 2), promiseId: promise(2), chance: 0.2 }),
      aRiskForecast({
        id: numberedId(1, 3),
        promiseId: promise(3),
        chance: null,
        basis: 'beyond_record',
      }),
      aRiskForecast({ id: numberedId(1, 4), promiseId: promise(4), chance: 0.5 }),
    ];
    // Known a month later, long after the due (9 March): all but the open one are resolved.
    const facts: ResolutionFacts[] = [
      deliveredFacts(900, { promiseId: promise(1) }),
      { ...closedUnfulfilledFacts('missed', 3000), promiseId: promise(2) },
      { ...closedUnfulfilledFacts('missed', 3000), promiseId: promise(3) },
      { ...openFacts(100, '2026-03-04T09:00:00.000Z'), promiseId: promise(4) },
    ];
    const audit = auditForecasts({
      period,
      calibrationForecasts: [aCalibrationForecast({ promiseId: promise(1) })],
      riskForecasts: risk,
      facts,
      settings,
    });
    expect(audit.risk.counts).toMatchObject({ hit: 1, miss: 2, pending: 1 });
    expect(audit.risk.withoutChance).toBe(1);
    // (0.8 − 1)² and (0.2 − 0)²: 0.04 each.
    expect(audit.risk.brier.overall).toMatchObject({ n: 2, baseRate: 0.5 });
    expect(audit.risk.brier.overall.brierScore).toBeCloseTo(0.04, 12);
    // Delivered after 900 minutes on a proposed 960, with a chance of 0.8: (0.8 − 1)².
    expect(audit.calibration.chosenDate.counts.hit).toBe(1);
    expect(audit.calibration.chosenDate.brier.overall.brierScore).toBeCloseTo(0.04, 12);
  });

  it('flags an over-confident calibration as drift, naming the kind it comes from', () => {
    const deliveries = generatedForecastHistory({
      kind: 'delivery',
      n: 300,
      seed: 41,
      mu: Math.log(2400),
      sigma: 0.6,
      forecastSigma: 0.3,
    });
    const fixes = generatedForecastHistory({
      kind: 'fix',
      n: 300,
      seed: 42,
      mu: Math.log(960),
      sigma: 0.8,
      forecastSigma: 0.8,
      firstId: 10_000,
    });
    const audit = auditForecasts({
      period,
      calibrationForecasts: [...deliveries.forecasts, ...fixes.forecasts],
      riskForecasts: [],
      facts: [...deliveries.facts, ...fixes.facts],
      settings,
    });
    expect(audit.drifts.length).toBeGreaterThan(0);
    for (const drift of audit.drifts) {
      expect(drift.direction).toBe('too_narrow');
      expect(drift.from.map((source) => source.kind)).toEqual(['delivery']);
    }
  });

  it('is not flattered by slow promises still open: each level is judged once its duration has passed', () => {
    // 400 calibrated deliveries whose clocks started at random over the last 20 business days;
    // the slow ones are still open. A level is judged only once its duration has passed since the
    // clock started (then a promise still open is a miss), so which ones are judged does not
    // depend on how they turned out.
    const random = seededRandom(51);
    const mu = Math.log(2400);
    const levels = logNormalLevels(mu, 0.6);
    const forecasts: CalibrationForecast[] = [];
    const facts: ResolutionFacts[] = [];
    for (let i = 1; i <= 400; i++) {
      const elapsed = random() * 20 * 480;
      const duration = logNormalDraw(random, mu, 0.6);
      forecasts.push(aCalibrationForecast({ id: numberedId(1, i), promiseId: promise(i), levels }));
      facts.push(
        duration <= elapsed
          ? deliveredFacts(duration, { promiseId: promise(i), clockMinutes: elapsed })
          : { ...openFacts(elapsed), promiseId: promise(i) },
      );
    }
    const audit = auditForecasts({
      period,
      calibrationForecasts: forecasts,
      riskForecasts: [],
      facts,
      settings,
    });
    expect(audit.drifts).toEqual([]);
    expect(audit.calibration.coverage.overall.cells.every((cell) => cell.pending > 0)).toBe(true);

    // The naive audit counts every delivery at once and leaves the open ones out: it keeps the
    // quick promises and drops the slow ones, so the intervals look too wide.
    const delivered = facts.filter((f) => f.status !== 'open');
    const naive = auditForecasts({
      period,
      calibrationForecasts: forecasts.filter((f) =>
        delivered.some((d) => d.promiseId === f.promiseId),
      ),
      riskForecasts: [],
      facts: delivered.map((f) => ({ ...f, clockMinutes: 1_000_000 })),
      settings,
    });
    expect(naive.drifts.some((drift) => drift.direction === 'too_wide')).toBe(true);
  });

  it('refuses a period that ends before it starts', () => {
    const backwards = { from: period.to, to: period.from };
    expect(() =>
      auditForecasts({
        period: backwards,
        calibrationForecasts: [],
        riskForecasts: [],
        facts: [],
        settings,
      }),
    ).toThrow(DomainError);
  });
});
