import { z } from 'zod';
import { businessCalendarSchema, standardBusinessCalendar } from '../calendar/business-calendar.ts';
import { calibrationSettingsSchema } from '../calibration/calibration-settings.ts';
import { driftSettingsSchema } from '../drift/drift-settings.ts';
import { forecastAuditSettingsSchema } from '../forecast/forecast-audit-settings.ts';
import { riskSettingsSchema } from '../risk/risk-settings.ts';
import { trustSettingsSchema } from '../trust/trust-settings.ts';

/**
 * The company-wide settings the analytics run on: the company's business calendar (used for every
 * account without its own), and the calibration, risk, drift and trust settings.
 */
export const analyticsSettingsSchema = z.object({
  companyCalendar: businessCalendarSchema.default(standardBusinessCalendar('UTC')),
  calibration: calibrationSettingsSchema.default(calibrationSettingsSchema.parse({})),
  risk: riskSettingsSchema.default(riskSettingsSchema.parse({})),
  drift: driftSettingsSchema.default(driftSettingsSchema.parse({})),
  trust: trustSettingsSchema.default(trustSettingsSchema.parse({})),
  forecastAudit: forecastAuditSettingsSchema.default(forecastAuditSettingsSchema.parse({})),
});
export type AnalyticsSettings = z.output<typeof analyticsSettingsSchema>;
export type AnalyticsSettingsInput = z.input<typeof analyticsSettingsSchema>;

export function defaultAnalyticsSettings(): AnalyticsSettings {
  return analyticsSettingsSchema.parse({});
}
