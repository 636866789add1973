import type { BusinessCalendar } from './business-calendar.ts';

/**
 * The calendar an account's business time is measured in: the account's own (the client's
 * hours and holidays) when it has one, else the company's.
 */
export function calendarFor(
  accountCalendar: BusinessCalendar | null | undefined,
  companyCalendar: BusinessCalendar,
): BusinessCalendar {
  return accountCalendar ?? companyCalendar;
}
