import { describe, expect, it } from 'vitest';
import { defaultDriftSettings, driftSettingsSchema } from './drift-settings.ts';

describe('driftSettingsSchema', () => {
  it('looks for 5 of the last 6 in at most 70% of the promised time by default', () => {
    expect(defaultDriftSettings).toEqual({
      window: 6,
      minAhead: 5,
      aheadRatio: 0.7,
      businessDayMinutes: 480,
    });
  });

  it('refuses a required count larger than the window, naming the field', () => {
    const result = driftSettingsSchema.safeParse({ window: 4, minAhead: 5 });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['minAhead']);
  });

  it('refuses a ratio that is not a share of the promised time', () => {
    expect(driftSettingsSchema.safeParse({ aheadRatio: 1 }).success).toBe(false);
  });
});
