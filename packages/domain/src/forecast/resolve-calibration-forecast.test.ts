import { describe, expect, it } from 'vitest';
import {
  aCalibrationForecast,
  closedUnfulfilledFacts,
  deliveredFacts,
  openFacts,
} from '../__tests__/forecast-builders.ts';
import { ids } from '../__tests__/promise-builders.ts';
import { DomainError } from '../shared/domain-error.ts';
import { resolveCalibrationForecast } from './resolve-calibration-forecast.ts';

// The forecast: 50/80/90/95% of such deliveries took ≤ 480, 960, 1,440 and 1,920 business
// minutes; the chosen date is 960 minutes away, with an 80% chance.
const forecast = aCalibrationForecast();
const verdicts = (facts: Parameters<typeof resolveCalibrationForecast>[1]) =>
  resolveCalibrationForecast(forecast, facts).levels.map((level) => level.verdict);

describe('resolving a calibration forecast', () => {
  it('counts a level as a hit when the promise was fulfilled within its duration', () => {
    expect(verdicts(deliveredFacts(1000))).toEqual(['miss', 'miss', 'hit', 'hit']);
  });

  it('counts fulfilment exactly at a level duration as within it', () => {
    expect(verdicts(deliveredFacts(960))).toEqual(['miss', 'hit', 'hit', 'hit']);
  });

  it('judges a late delivery by its duration, like any other delivery', () => {
    const late = deliveredFacts(400, { status: 'late' });
    expect(verdicts(late)).toEqual(['hit', 'hit', 'hit', 'hit']);
  });

  it('counts a missed promise never fulfilled as a miss at every level', () => {
    expect(verdicts(closedUnfulfilledFacts('missed', 300))).toEqual([
      'miss',
      'miss',
      'miss',
      'miss',
    ]);
    expect(
      resolveCalibrationForecast(forecast, closedUnfulfilledFacts('missed', 300)).chosenDate,
    ).toMatchObject({ verdict: 'miss', chance: 0.8 });
  });

  it('leaves a released or cancelled promise unresolvable at the levels it never reached', () => {
    for (const status of ['released', 'cancelled'] as const) {
      const resolution = resolveCalibrationForecast(forecast, closedUnfulfilledFacts(status, 300));
      expect(resolution.levels.map((level) => level.verdict)).toEqual([
        'unresolvable',
        'unresolvable',
        'unresolvable',
        'unresolvable',
      ]);
      expect(resolution.levels[0]?.why).toContain('withdrawn');
    }
  });

  it('counts a promise released after a level duration had passed unfulfilled as a miss there', () => {
    expect(verdicts(closedUnfulfilledFacts('released', 1000))).toEqual([
      'miss',
      'miss',
      'unresolvable',
      'unresolvable',
    ]);
  });

  it('keeps an open promise pending until a level duration has passed, then counts it a miss', () => {
    expect(verdicts(openFacts(700))).toEqual(['miss', 'pending', 'pending', 'pending']);
    expect(verdicts(openFacts(null))).toEqual(['pending', 'pending', 'pending', 'pending']);
  });

  it('counts a quick fulfilment only once the level duration has passed since the clock started', () => {
    // Fulfilled after 300 minutes, 1,000 minutes into its clock: the 90% and 95% durations have
    // not passed yet. Counting the hit now would count quick successes before slow failures.
    const quick = deliveredFacts(300, { clockMinutes: 1000 });
    expect(verdicts(quick)).toEqual(['hit', 'hit', 'pending', 'pending']);
    expect(resolveCalibrationForecast(forecast, quick).levels[2]?.why).toContain('slow failures');
  });

  it('keeps a forecast pending while nothing is known of its promise', () => {
    expect(verdicts(null)).toEqual(['pending', 'pending', 'pending', 'pending']);
  });

  it('cannot resolve a check that never became a promise', () => {
    const check = aCalibrationForecast({ promiseId: null, checkId: ids.actor, occasion: 'check' });
    const resolution = resolveCalibrationForecast(check, null);
    expect(resolution.levels.every((level) => level.verdict === 'unresolvable')).toBe(true);
    expect(resolution.chosenDate.verdict).toBe('unresolvable');
  });

  it('does not check a level that was only stated as "more than" the longest on record', () => {
    const thin = aCalibrationForecast({
      levels: [
        { level: 0.5, reached: true, minutes: 480 },
        { level: 0.95, reached: false, moreThanMinutes: 2400 },
      ],
    });
    const resolution = resolveCalibrationForecast(thin, deliveredFacts(100));
    expect(resolution.levels.map((level) => level.verdict)).toEqual(['hit', 'not_stated']);
    expect(resolution.levels[1]?.why).toContain('more than 2,400 business minutes');
  });

  it('resolves the chosen date as kept when fulfilled within the proposed duration', () => {
    expect(resolveCalibrationForecast(forecast, deliveredFacts(900)).chosenDate).toMatchObject({
      verdict: 'hit',
      chance: 0.8,
      proposedMinutes: 960,
    });
    expect(resolveCalibrationForecast(forecast, deliveredFacts(961)).chosenDate.verdict).toBe(
      'miss',
    );
  });

  it('has nothing to resolve for the chosen date when no chance was given', () => {
    const noDate = aCalibrationForecast({ chosenDate: null });
    expect(resolveCalibrationForecast(noDate, deliveredFacts(900)).chosenDate.verdict).toBe(
      'not_stated',
    );
  });

  it("refuses facts about another promise than the forecast's", () => {
    const other = deliveredFacts(100, { promiseId: ids.actor });
    expect(() => resolveCalibrationForecast(forecast, other)).toThrow(DomainError);
  });
});
