import { describe, expect, it } from 'vitest';
import { defaultTrustSettings, trustPriorSchema, trustSettingsSchema } from './trust-settings.ts';

describe('the trust settings', () => {
  it('default to a 180-day half-life, a prior worth 2 promises and 1/2/3 importance weights', () => {
    expect(defaultTrustSettings).toMatchObject({
      halfLifeDays: 180,
      priorWeight: 2,
      credibleMass: 0.9,
      importanceWeights: { low: 0.5, normal: 1, high: 2, critical: 3 },
    });
  });

  it('keep the defaults of the fields not given', () => {
    const settings = trustSettingsSchema.parse({ blame: { miss: 2 } });
    expect(settings.blame).toMatchObject({ miss: 2, announcedFactor: 0.5 });
  });

  it('name the field and the rule when a value is out of range', () => {
    const result = trustSettingsSchema.safeParse({
      halfLifeDays: 0,
      blame: { announcedFactor: 1 },
    });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual([
      ['halfLifeDays', 'must be greater than 0'],
      ['blame.announcedFactor', 'must be less than 1 (a share, e.g. 0.5)'],
    ]);
  });

  it('take a typical reliability strictly between 0 and 1 as the prior', () => {
    expect(trustPriorSchema.safeParse({ typicalReliability: 0.85 }).success).toBe(true);
    expect(trustPriorSchema.safeParse({ typicalReliability: 0 }).success).toBe(false);
  });
});
