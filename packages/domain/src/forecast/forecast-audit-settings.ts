import { z } from 'zod';

const shareSchema = z
  .number()
  .gt(0, 'must be greater than 0')
  .lt(1, 'must be less than 1 (a share, e.g. 0.95)');

/** How Steadfast audits its own forecasts; every field has a default. */
export const forecastAuditSettingsSchema = z.object({
  /** The nominal levels whose interval coverage is reported (the calibration's 50/80/90/95%). */
  levels: z
    .array(shareSchema)
    .min(1, 'must name at least one level')
    .max(10, 'must name at most 10 levels')
    .refine((levels) => levels.every((level, i) => i === 0 || level > (levels[i - 1] ?? 0)), {
      error: 'must be in increasing order, each level once',
    })
    .default([0.5, 0.8, 0.9, 0.95]),
  /**
   * The probability a calibrated forecaster's coverage lands inside its band: drift is flagged
   * when the observed coverage falls outside the central range of Bin(n, p)/n of this mass.
   */
  bandMass: shareSchema.default(0.95),
  /**
   * Whether `bandMass` holds for a whole row (every level of one kind) rather than for each level:
   * each level's band is then the central 1 − (1 − bandMass)/L range (Bonferroni over L levels),
   * so a calibrated kind is flagged at any level at most 1 − bandMass of the time.
   */
  adjustForLevels: z.boolean().default(true),
});
export type ForecastAuditSettingsInput = z.input<typeof forecastAuditSettingsSchema>;
export type ForecastAuditSettings = z.output<typeof forecastAuditSettingsSchema>;

/** The settings when nobody has changed any. */
export const defaultForecastAuditSettings: ForecastAuditSettings =
  forecastAuditSettingsSchema.parse({});
