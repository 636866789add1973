import { z } from 'zod';
import { businessDayMinutesSchema } from '../calibration/business-duration-words.ts';

/** When early delivery counts as having reset the customer's expectation. */
export const driftSettingsSchema = z
  .object({
    /** How many of the most recent fulfilled promises are looked at. */
    window: z
      .number()
      .int('must be a whole number')
      .min(2, 'must be at least 2')
      .max(50)
      .default(6),
    /** How many of those must have been well ahead of the promise. */
    minAhead: z.number().int('must be a whole number').min(1, 'must be at least 1').default(5),
    /** "Well ahead": delivered in at most this share of the promised time. */
    aheadRatio: z
      .number()
      .gt(0, 'must be greater than 0')
      .lt(1, 'must be less than 1 (a share of the promised time, e.g. 0.7)')
      .default(0.7),
    businessDayMinutes: businessDayMinutesSchema,
  })
  .refine((settings) => settings.minAhead <= settings.window, {
    path: ['minAhead'],
    error: 'must not exceed window',
  });
export type DriftSettingsInput = z.input<typeof driftSettingsSchema>;
export type DriftSettings = z.output<typeof driftSettingsSchema>;

/** The settings when nobody has changed any: 5 of the last 6 in at most 70% of the promised time. */
export const defaultDriftSettings: DriftSettings = driftSettingsSchema.parse({});
