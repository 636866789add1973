import { type Db, listCharterObservations, listCharterVersions } from '@steadfast/db';
import {
  type Account,
  type AnalyticsSettings,
  type CharterCompliance,
  charterCompliance,
  DomainError,
  dayBounds,
  type Instant,
  instantMs,
} from '@steadfast/domain';
import { accountCalendar } from './analytics-settings.ts';

/** When no window is given, compliance looks back this far from the end of today. */
export const defaultComplianceWindowDays = 90;
const DAY_MS = 86_400_000;

/**
 * An account's charter compliance over a window (by default the 90 days up to the end of today on
 * the client's clock, so today's observations count); null when the account has no charter.
 */
export async function accountCharterCompliance(options: {
  db: Db;
  account: Account;
  settings: AnalyticsSettings;
  now: Instant;
  from?: Instant | undefined;
  to?: Instant | undefined;
}): Promise<CharterCompliance | null> {
  const { db, account } = options;
  const to = options.to ?? dayBounds(options.now, account.timeZone).end;
  const from =
    options.from ?? new Date(instantMs(to) - defaultComplianceWindowDays * DAY_MS).toISOString();
  if (instantMs(from) >= instantMs(to)) {
    throw new DomainError({
      code: 'invalid_window',
      kind: 'invalid',
      field: 'to',
      message: `must be after from (${from})`,
    });
  }
  const versions = await listCharterVersions(db, account.id);
  if (versions.length === 0) return null;
  const observations = await listCharterObservations(db, { accountId: account.id, from, to });
  return charterCompliance({
    accountId: account.id,
    versions,
    observations,
    accountCalendar: accountCalendar(account, options.settings),
    window: { from, to },
  });
}
