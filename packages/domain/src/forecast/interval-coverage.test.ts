import { describe, expect, it } from 'vitest';
import {
  aCalibrationForecast,
  closedUnfulfilledFacts,
  deliveredFacts,
  type GeneratedForecastHistory,
  generatedForecastHistory,
  openFacts,
} from '../__tests__/forecast-builders.ts';
import type { PromiseKind } from '../promise/promise-terms.ts';
import { defaultForecastAuditSettings as settings } from './forecast-audit-settings.ts';
import { intervalCoverage } from './interval-coverage.ts';
import type { ResolutionFacts } from './resolution-facts.ts';
import { resolveCalibrationForecast } from './resolve-calibration-forecast.ts';

// True durations: deliveries log-normal with a median of 5 business days (2,400 min), σ = 0.6;
// fixes a median of 2 days (960 min), σ = 0.8.
const truth = {
  delivery: { mu: Math.log(2400), sigma: 0.6 },
  fix: { mu: Math.log(960), sigma: 0.8 },
} as const;

/** Forecasts of one kind whose intervals have `spread` × the true σ (1: calibrated). */
function history(kind: 'delivery' | 'fix', spread: number, seed: number, n = 400) {
  const { mu, sigma } = truth[kind];
  const firstId = kind === 'delivery' ? 0 : 100_000;
  return generatedForecastHistory({
    kind,
    n,
    seed,
    mu,
    sigma,
    forecastSigma: sigma * spread,
    firstId,
  });
}

function coverageOf(...histories: GeneratedForecastHistory[]) {
  const facts = new Map<string, ResolutionFacts>();
  for (const h of histories) for (const f of h.facts) facts.set(f.promiseId, f);
  const resolutions = histories
    .flatMap((h) => h.forecasts)
    .map((forecast) =>
      resolveCalibrationForecast(forecast, facts.get(forecast.promiseId ?? '') ?? null),
    );
  return intervalCoverage(resolutions, settings);
}

const driftedLevels = (coverage: ReturnType<typeof coverageOf>, kind: PromiseKind | null) =>
  coverage.drifts.filter((drift) => drift.kind === kind).map((drift) => drift.level);

describe('interval coverage on generated histories with known true distributions', () => {
  it("puts a well-calibrated forecaster's coverage inside its band at every level", () => {
    // One seeded history as the example; how often a calibrated one is flagged is measured below.
    const coverage = coverageOf(history('delivery', 1, 11), history('fix', 1, 12));

    for (const row of [coverage.overall, ...coverage.byKind]) {
      for (const cell of row.cells) {
        const where = `${row.kind ?? 'overall'} at ${cell.level}`;
        expect(cell.n, where).toBe(row.kind === null ? 800 : 400);
        expect(cell.drift, where).toBeNull();
        expect(cell.hits, where).toBeGreaterThanOrEqual(cell.band.lowHits);
        expect(cell.hits, where).toBeLessThanOrEqual(cell.band.highHits);
      }
    }
    expect(coverage.drifts).toEqual([]);
  });

  it('flags a calibrated kind, at any of its four levels, in at most about 5% of histories', () => {
    // Each level's band is the central 98.75% range (5% shared by the four levels), so a
    // calibrated row is flagged at most 5% of the time; 300 seeded histories of 60 deliveries
    // measure it (a rate of 5% would give 15 ± 4 flagged histories).
    const replicates = 300;
    let flagged = 0;
    for (let seed = 1; seed <= replicates; seed++) {
      const coverage = coverageOf(history('delivery', 1, 1000 + seed, 60));
      if (coverage.drifts.some((drift) => drift.kind === null)) flagged++;
    }
    expect(flagged / replicates).toBeLessThanOrEqual(0.07);
  });

  it('holds each level, unadjusted, to its own 95% band: at most about 5% flagged per level', () => {
    const unadjusted = { ...settings, adjustForLevels: false };
    const replicates = 300;
    const flags = new Map<number, number>();
    for (let seed = 1; seed <= replicates; seed++) {
      const { forecasts, facts } = history('delivery', 1, 2000 + seed, 60);
      const resolutions = forecasts.map((forecast, i) =>
        resolveCalibrationForecast(forecast, facts[i] ?? null),
      );
      const coverage = intervalCoverage(resolutions, unadjusted);
      expect(coverage.levelBandMass).toBe(0.95);
      for (const drift of coverage.drifts.filter((d) => d.kind === null)) {
        flags.set(drift.level, (flags.get(drift.level) ?? 0) + 1);
      }
    }
    for (const level of settings.levels) {
      expect((flags.get(level) ?? 0) / replicates, `level ${level}`).toBeLessThanOrEqual(0.07);
    }
  });

  it('flags an over-confident forecaster (intervals of half the true spread), naming the kind', () => {
    // Half the spread around the right median: the 80/90/95% durations truly cover only
    // Φ(z_p / 2) = 66%, 74% and 79% of deliveries. Fixes stay calibrated.
    const coverage = coverageOf(history('delivery', 0.5, 21), history('fix', 1, 22));

    expect(driftedLevels(coverage, 'delivery')).toEqual([0.8, 0.9, 0.95]);
    expect(driftedLevels(coverage, 'fix')).toEqual([]);
    const overall = coverage.drifts.filter((drift) => drift.kind === null);
    expect(overall.map((drift) => drift.level)).toEqual([0.8, 0.9, 0.95]);
    for (const drift of overall) {
      expect(drift.direction).toBe('too_narrow');
      expect(drift.from.map((source) => source.kind)).toEqual(['delivery']);
      expect(drift.explanation).toContain('too short (over-confident)');
      expect(drift.explanation).toContain('It comes from deliveries.');
    }
  });

  it('flags an under-confident forecaster (intervals of twice the true spread) as too wide', () => {
    const coverage = coverageOf(history('fix', 2, 31));
    const fix = coverage.drifts.filter((drift) => drift.kind === 'fix');
    expect(fix.map((drift) => drift.level)).toEqual([0.8, 0.9, 0.95]);
    expect(fix.every((drift) => drift.direction === 'too_wide')).toBe(true);
  });
});

describe('the worked example of the README', () => {
  /** `n` resolved 80% statements for `kind`, `hits` of them hits. */
  function resolvedAtEighty(kind: PromiseKind, n: number, hits: number, firstId: number) {
    return Array.from({ length: n }, (_, i) => {
      const forecast = aCalibrationForecast({
        promiseId: `0190a4b2-0000-7000-8004-${(firstId + i).toString(16).padStart(12, '0')}`,
        kind,
        levels: [{ level: 0.8, reached: true, minutes: 960 }],
      });
      return resolveCalibrationForecast(
        forecast,
        deliveredFacts(i < hits ? 900 : 1000, {
          promiseId: forecast.promiseId ?? '',
        }),
      );
    });
  }

  it('flags 64 of 100 deliveries within their 80% duration as too narrow, and names deliveries', () => {
    const coverage = intervalCoverage(
      [...resolvedAtEighty('delivery', 100, 64, 0), ...resolvedAtEighty('fix', 40, 33, 1000)],
      settings,
    );
    expect(coverage.levelBandMass).toBeCloseTo(0.9875, 12);
    const eighty = (row: (typeof coverage)['overall']) => row.cells.find((c) => c.level === 0.8);
    const [delivery, fix] = coverage.byKind;
    expect(eighty(delivery ?? coverage.overall)?.band).toMatchObject({ lowHits: 70, highHits: 89 });
    expect(eighty(fix ?? coverage.overall)?.band).toMatchObject({ lowHits: 25, highHits: 38 });
    expect(eighty(coverage.overall)).toMatchObject({ n: 140, hits: 97, drift: 'too_narrow' });
    expect(eighty(coverage.overall)?.band).toMatchObject({ lowHits: 100, highHits: 123 });
    expect(eighty(coverage.overall)?.excessHits).toBeCloseTo(-15, 9);

    const overall = coverage.drifts.find((drift) => drift.kind === null);
    expect(overall?.from).toEqual([{ kind: 'delivery', excessHits: -16, flagged: true }]);
    expect(overall?.explanation).toBe(
      '69.3% of 140 promises of every kind were fulfilled within their 80% duration, outside the ' +
        '98.8% band 71.4%–87.9% for a calibrated forecast: the durations quoted were too short ' +
        '(over-confident). It comes from deliveries.',
    );
    expect(coverage.drifts.map((drift) => drift.kind)).toEqual([null, 'delivery']);
  });
});

describe('interval coverage counts', () => {
  it('counts hits and misses, and keeps pending, unresolvable and unstated levels apart', () => {
    const promise = (n: number) => `0190a4b2-0000-7000-8003-${n.toString(16).padStart(12, '0')}`;
    const cases: ResolutionFacts[] = [
      deliveredFacts(400, { promiseId: promise(1) }), // hit at every level
      deliveredFacts(1000, { promiseId: promise(2) }), // miss, miss, hit, hit
      { ...closedUnfulfilledFacts('missed', 100), promiseId: promise(3) }, // miss everywhere
      { ...closedUnfulfilledFacts('cancelled', 100), promiseId: promise(4) }, // unresolvable
      { ...openFacts(700), promiseId: promise(5) }, // miss at 50%, pending above
    ];
    const resolutions = cases.map((facts, i) =>
      resolveCalibrationForecast(aCalibrationForecast({ promiseId: promise(i + 1) }), facts),
    );
    const thin = aCalibrationForecast({
      promiseId: promise(6),
      levels: [{ level: 0.5, reached: false, moreThanMinutes: 300 }],
    });
    resolutions.push(
      resolveCalibrationForecast(thin, deliveredFacts(200, { promiseId: promise(6) })),
    );

    const [half, eighty] = intervalCoverage(resolutions, settings).overall.cells;
    expect(half).toMatchObject({
      n: 4,
      hits: 1,
      observed: 0.25,
      pending: 0,
      unresolvable: 1,
      notStated: 1,
    });
    expect(half?.excessHits).toBeCloseTo(1 - 0.5 * 4, 12);
    expect(eighty).toMatchObject({ n: 3, hits: 1, pending: 1, unresolvable: 1, notStated: 1 });
  });

  it('reports no coverage and no drift for a level nothing was resolved at', () => {
    const coverage = intervalCoverage([], settings);
    expect(
      coverage.overall.cells.every((cell) => cell.observed === null && cell.drift === null),
    ).toBe(true);
    expect(coverage.byKind).toEqual([]);
  });
});
