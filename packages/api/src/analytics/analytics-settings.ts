import { type Db, readSetting } from '@steadfast/db';
import {
  type Account,
  type AnalyticsSettings,
  analyticsSettingsSchema,
  type BusinessCalendar,
  calendarFor,
} from '@steadfast/domain';

export const analyticsSettingsKey = 'analytics';

/** The company's analytics settings as stored (defaults for anything never set), and their version. */
export async function loadAnalyticsSettings(
  db: Db,
): Promise<{ settings: AnalyticsSettings; version: number }> {
  const stored = await readSetting(db, analyticsSettingsKey);
  // Stored settings were validated when written; parse again so new fields get their defaults.
  const settings = analyticsSettingsSchema.parse(stored.value ?? {});
  return { settings, version: stored.version };
}

/** The business calendar an account's promises are measured in: its own, else the company's. */
export function accountCalendar(
  account: Pick<Account, 'calendar'>,
  settings: AnalyticsSettings,
): BusinessCalendar {
  return calendarFor(account.calendar, settings.companyCalendar);
}
