import { describe, expect, it } from 'vitest';
import { calibrationSettingsSchema, defaultCalibrationSettings } from './calibration-settings.ts';

describe('calibrationSettingsSchema', () => {
  it('fills every setting with its default', () => {
    expect(defaultCalibrationSettings).toEqual({
      minFulfilledPerScope: 12,
      levels: [0.5, 0.8, 0.9, 0.95],
      requiredChance: 0.8,
      businessDayMinutes: 480,
    });
  });

  it('refuses levels and chances that are not shares strictly between 0 and 1', () => {
    const result = calibrationSettingsSchema.safeParse({ levels: [0.5, 1], requiredChance: 0 });

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'levels.1',
      'requiredChance',
    ]);
  });

  it('refuses a minimum sample below one and a fractional one', () => {
    expect(calibrationSettingsSchema.safeParse({ minFulfilledPerScope: 0 }).success).toBe(false);
    expect(calibrationSettingsSchema.safeParse({ minFulfilledPerScope: 2.5 }).success).toBe(false);
  });
});
