import { describe, expect, it } from 'vitest';
import {
  defaultForecastAuditSettings,
  forecastAuditSettingsSchema,
} from './forecast-audit-settings.ts';

describe('forecast audit settings', () => {
  it('audit the 50/80/90/95% levels with a 95% band shared by the levels, by default', () => {
    expect(defaultForecastAuditSettings).toEqual({
      levels: [0.5, 0.8, 0.9, 0.95],
      bandMass: 0.95,
      adjustForLevels: true,
    });
  });

  it('refuse levels out of order and a band mass that is not a share', () => {
    const paths = (value: unknown) =>
      forecastAuditSettingsSchema
        .safeParse(value)
        .error?.issues.map((issue) => issue.path.join('.'));
    expect(paths({ levels: [0.8, 0.5] })).toEqual(['levels']);
    expect(paths({ levels: [0.5, 0.5] })).toEqual(['levels']);
    expect(paths({ bandMass: 1 })).toEqual(['bandMass']);
  });
});
