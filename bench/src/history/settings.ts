import {
  type AnalyticsSettings,
  analyticsSettingsSchema,
  type BusinessCalendar,
  standardBusinessCalendar,
} from '@steadfast/domain';
import { companyTimeZone } from './people.ts';

/** The company works Mon–Fri 09:00–17:00 in Berlin; clients elsewhere have their own hours. */
export const historyCompanyCalendar: BusinessCalendar = standardBusinessCalendar(companyTimeZone);

/** The analytics settings the history is stored with (the app's defaults but the calendar). */
export const historySettings: AnalyticsSettings = analyticsSettingsSchema.parse({
  companyCalendar: historyCompanyCalendar,
});
