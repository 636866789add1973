import { describe, expect, it } from 'vitest';
import { aCalibrationRecord, recordsSpread, scopeIds } from '../__tests__/survival-builders.ts';
import { calibrate } from './calibrate.ts';
import { calibrationSettingsSchema, defaultCalibrationSettings } from './calibration-settings.ts';

const question = {
  kind: 'delivery',
  accountId: scopeIds.northwind,
  ownerId: scopeIds.alice,
} as const;
const DAY = 480;

describe('calibrate', () => {
  it('reports the 50/80/90/95% durations of the chosen scope, each in plain words', () => {
    // 20 deliveries for Northwind, fulfilled after 1, 2, …, 20 business days.
    const records = recordsSpread(20, { from: DAY, step: DAY });

    const calibration = calibrate({ records, question, settings: defaultCalibrationSettings });

    expect(calibration.sample).toEqual({ fulfilled: 20, censored: 0 });
    expect(calibration.scope.level).toBe('kind_account');
    expect(calibration.quantiles.map((q) => (q.reached ? q.minutes / DAY : null))).toEqual([
      10, 16, 18, 19,
    ]);
    expect(calibration.quantiles[1]?.words).toBe(
      '80% of deliveries for this account took ≤ 16 business days (7,680 min).',
    );
  });

  it('says "more than the longest on record" for a level the history never reaches', () => {
    const records = [
      ...recordsSpread(12, { from: DAY, step: DAY }),
      ...recordsSpread(8, { from: 15 * DAY, step: 0, fulfilled: false }),
    ];

    const calibration = calibrate({ records, question, settings: defaultCalibrationSettings });

    expect(calibration.sample).toEqual({ fulfilled: 12, censored: 8 });
    expect(calibration.quantiles[1]).toMatchObject({
      level: 0.8,
      reached: false,
      moreThanMinutes: 15 * DAY,
    });
    expect(calibration.quantiles[1]?.words).toBe(
      'Fewer than 80% of deliveries for this account were fulfilled within 15 business days ' +
        '(7,200 min), the longest on record: their 80% duration is more than that.',
    );
  });

  it('reports every level as not reached, and says there is no record, for an all-censored history', () => {
    const records = recordsSpread(15, { fulfilled: false });

    const calibration = calibrate({ records, question, settings: defaultCalibrationSettings });

    expect(calibration.sample).toEqual({ fulfilled: 0, censored: 15 });
    expect(calibration.scope).toMatchObject({ level: 'all', sufficient: false });
    expect(calibration.quantiles.every((q) => !q.reached)).toBe(true);
    expect(calibration.quantiles[0]?.words).toBe(
      'No promises of any kind, across all accounts have been fulfilled yet, so there is no record to go by.',
    );
  });

  it('reports the configured levels in the configured order', () => {
    const settings = calibrationSettingsSchema.parse({ levels: [0.9, 0.5] });

    const calibration = calibrate({ records: recordsSpread(12), question, settings });

    expect(calibration.quantiles.map((q) => q.level)).toEqual([0.9, 0.5]);
  });

  it('names the scope it fell back to in its words', () => {
    const records = [
      aCalibrationRecord(),
      ...recordsSpread(12, {
        accountId: scopeIds.contoso,
        ownerId: scopeIds.bob,
        from: DAY,
        step: 0,
      }),
    ];

    const calibration = calibrate({ records, question, settings: defaultCalibrationSettings });

    expect(calibration.quantiles[0]?.words).toMatch(
      /^50% of deliveries across all accounts took ≤ 1 business day/,
    );
  });
});
