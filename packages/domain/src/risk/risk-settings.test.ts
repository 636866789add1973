import { describe, expect, it } from 'vitest';
import { defaultRiskSettings, riskSettingsSchema } from './risk-settings.ts';

describe('riskSettingsSchema', () => {
  it('flags below a 50% chance and offers 80% new dates by default', () => {
    expect(defaultRiskSettings).toEqual({
      atRiskBelow: 0.5,
      newDateLevel: 0.8,
      businessDayMinutes: 480,
    });
  });

  it('refuses a new-date level below the at-risk threshold, naming the field', () => {
    const result = riskSettingsSchema.safeParse({ atRiskBelow: 0.7, newDateLevel: 0.6 });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['newDateLevel']);
  });

  it('refuses a threshold that is not a share', () => {
    expect(riskSettingsSchema.safeParse({ atRiskBelow: 1.5 }).success).toBe(false);
  });
});
