import { z } from 'zod';
import { businessDayMinutesSchema } from '../calibration/business-duration-words.ts';

const shareSchema = z
  .number()
  .gt(0, 'must be greater than 0')
  .lt(1, 'must be less than 1 (a share, e.g. 0.5)');

/** When an open promise counts as at risk, and how sure a proposed new date must be. */
export const riskSettingsSchema = z
  .object({
    /** At risk when the chance of keeping the promise by its due falls below this. */
    atRiskBelow: shareSchema.default(0.5),
    /** A new date is the one by which this share of comparable, still-open promises were kept. */
    newDateLevel: shareSchema.default(0.8),
    businessDayMinutes: businessDayMinutesSchema,
  })
  // A promise is at risk when its chance by the due is below `atRiskBelow`; a new date at a
  // level at least that high then always lies after the due it replaces.
  .refine((settings) => settings.newDateLevel >= settings.atRiskBelow, {
    path: ['newDateLevel'],
    error: 'must be at least atRiskBelow, so that a new date lies after the due it replaces',
  });
export type RiskSettingsInput = z.input<typeof riskSettingsSchema>;
export type RiskSettings = z.output<typeof riskSettingsSchema>;

/** The settings when nobody has changed any. */
export const defaultRiskSettings: RiskSettings = riskSettingsSchema.parse({});
