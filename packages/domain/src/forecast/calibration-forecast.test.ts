import { describe, expect, it } from 'vitest';
import { aCalibrationForecast, FORECAST_AT, numberedId } from '../__tests__/forecast-builders.ts';
import { ids } from '../__tests__/promise-builders.ts';
import { aCalibrationRecord, scopeIds } from '../__tests__/survival-builders.ts';
import { calibrate } from '../calibration/calibrate.ts';
import { defaultCalibrationSettings } from '../calibration/calibration-settings.ts';
import { checkProposedDue } from '../calibration/proposed-due-check.ts';
import { calibrationForecastFrom, calibrationForecastSchema } from './calibration-forecast.ts';

const DAY = 480;
const question = {
  kind: 'delivery',
  accountId: scopeIds.northwind,
  ownerId: scopeIds.alice,
} as const;
const settings = defaultCalibrationSettings;

function forecastFor(days: number[], proposedMinutes: number | null, openDays: number[] = []) {
  const records = [
    ...days.map((d) => aCalibrationRecord({ durationMinutes: d * DAY })),
    ...openDays.map((d) => aCalibrationRecord({ durationMinutes: d * DAY, fulfilled: false })),
  ];
  const calibration = calibrate({ records, question, settings });
  const check =
    proposedMinutes === null ? null : checkProposedDue({ calibration, proposedMinutes, settings });
  return calibrationForecastFrom({
    id: numberedId(1, 1),
    promiseId: ids.promise,
    occasion: 'capture',
    kind: 'delivery',
    accountId: scopeIds.northwind,
    ownerId: scopeIds.alice,
    madeAt: FORECAST_AT,
    calibration,
    check,
  });
}

describe('recording a calibration forecast', () => {
  it('keeps the 50/80/90/95% durations shown and the chance given for the proposed date', () => {
    // The 15 Northwind deliveries of the README: 80% took ≤ 7 days; 4 days has a 33.3% chance.
    const forecast = forecastFor([2, 3, 3, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 9, 10], 4 * DAY);
    expect(forecast.levels).toEqual([
      { level: 0.5, reached: true, minutes: 6 * DAY },
      { level: 0.8, reached: true, minutes: 7 * DAY },
      { level: 0.9, reached: true, minutes: 9 * DAY },
      { level: 0.95, reached: true, minutes: 10 * DAY },
    ]);
    expect(forecast.chosenDate?.proposedMinutes).toBe(4 * DAY);
    expect(forecast.chosenDate?.chance).toBeCloseTo(5 / 15, 12);
    expect(forecast).toMatchObject({ scopeLevel: 'kind_account', sufficient: true, checkId: null });
    expect(calibrationForecastSchema.safeParse(forecast).success).toBe(true);
  });

  it('records a level the record never reached as "more than" the longest on record', () => {
    // Fulfilled after 1 and 2 days, three still open after 3: S(2 days) = 3/5, never ≤ 0.5.
    const forecast = forecastFor([1, 2], null, [3, 3, 3]);
    expect(forecast.chosenDate).toBeNull();
    expect(forecast.sufficient).toBe(false);
    expect(forecast.levels[0]).toEqual({ level: 0.5, reached: false, moreThanMinutes: 3 * DAY });
    expect(calibrationForecastSchema.safeParse(forecast).success).toBe(true);
  });

  it('records no chance for the chosen date when nothing was ever fulfilled', () => {
    const calibration = calibrate({ records: [], question, settings });
    const check = checkProposedDue({ calibration, proposedMinutes: DAY, settings });
    const forecast = calibrationForecastFrom({
      id: numberedId(1, 1),
      promiseId: null,
      checkId: numberedId(3, 1),
      occasion: 'check',
      kind: 'delivery',
      accountId: scopeIds.northwind,
      ownerId: scopeIds.alice,
      madeAt: FORECAST_AT,
      calibration,
      check,
    });
    expect(forecast.chosenDate).toBeNull();
    expect(forecast.levels.every((level) => !level.reached)).toBe(true);
  });
});

describe('the calibration forecast schema', () => {
  const issuesOf = (value: unknown) =>
    calibrationForecastSchema.safeParse(value).error?.issues.map((issue) => issue.path.join('.'));

  it('needs a promise or a check', () => {
    expect(issuesOf(aCalibrationForecast({ promiseId: null, checkId: null }))).toEqual([
      'promiseId',
    ]);
  });

  it('refuses levels out of order, or a higher level quoting a shorter duration', () => {
    const backwards = aCalibrationForecast({
      levels: [
        { level: 0.8, reached: true, minutes: 960 },
        { level: 0.5, reached: true, minutes: 480 },
      ],
    });
    const shorter = aCalibrationForecast({
      levels: [
        { level: 0.5, reached: true, minutes: 960 },
        { level: 0.8, reached: true, minutes: 480 },
      ],
    });
    expect(issuesOf(backwards)).toEqual(['levels']);
    expect(issuesOf(shorter)).toEqual(['levels']);
  });

  it('refuses a chance outside 0..1 and normalises the instant to UTC', () => {
    const chance = aCalibrationForecast({ chosenDate: { proposedMinutes: 960, chance: 1.2 } });
    expect(issuesOf(chance)).toEqual(['chosenDate.chance']);
    const parsed = calibrationForecastSchema.parse(
      aCalibrationForecast({ madeAt: '2026-03-02T10:00:00+01:00' }),
    );
    expect(parsed.madeAt).toBe('2026-03-02T09:00:00.000Z');
  });
});
