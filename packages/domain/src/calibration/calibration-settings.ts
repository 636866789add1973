import { z } from 'zod';
import { businessDayMinutesSchema } from './business-duration-words.ts';

const shareSchema = z
  .number()
  .gt(0, 'must be greater than 0')
  .lt(1, 'must be less than 1 (a share, e.g. 0.8)');

/** How calibration narrows its history and when it warns; every field has a default. */
export const calibrationSettingsSchema = z.object({
  /** Fulfilled promises a scope needs before its figures are used instead of a wider scope's. */
  minFulfilledPerScope: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(12),
  /** The shares of promises whose fulfilment durations are reported ("50% within …"). */
  levels: z
    .array(shareSchema)
    .min(1, 'must name at least one level')
    .max(10, 'must name at most 10 levels')
    .default([0.5, 0.8, 0.9, 0.95]),
  /** A proposed duration is tighter than the record when its chance of being kept is below this. */
  requiredChance: shareSchema.default(0.8),
  businessDayMinutes: businessDayMinutesSchema,
});
export type CalibrationSettingsInput = z.input<typeof calibrationSettingsSchema>;
export type CalibrationSettings = z.output<typeof calibrationSettingsSchema>;

/** The settings when nobody has changed any. */
export const defaultCalibrationSettings: CalibrationSettings = calibrationSettingsSchema.parse({});
