// Calendars shared by the calendar tests (not part of the domain's public surface).
import {
  type BusinessCalendar,
  type BusinessCalendarInput,
  businessCalendarSchema,
  standardBusinessCalendar,
} from './business-calendar.ts';

/** Mon–Fri 09:00–17:00 in Europe/Berlin, no holidays. */
export const berlinNineToFive: BusinessCalendar = standardBusinessCalendar('Europe/Berlin');

/** Mon–Fri 09:00–17:00 in America/New_York, no holidays. */
export const newYorkNineToFive: BusinessCalendar = standardBusinessCalendar('America/New_York');

const withLunch = [
  { start: '09:00', end: '12:30' },
  { start: '13:30', end: '17:30' },
];

/** Mon–Fri 09:00–12:30 and 13:30–17:30 (7.5 hours, an hour's lunch break) in Europe/Berlin. */
export const berlinWithLunch: BusinessCalendar = businessCalendarSchema.parse({
  timeZone: 'Europe/Berlin',
  weeklyHours: {
    monday: withLunch,
    tuesday: withLunch,
    wednesday: withLunch,
    thursday: withLunch,
    friday: withLunch,
  },
});

/** Every day of the week the same intervals: for the DST Sundays. */
export function everyDay(
  timeZone: string,
  intervals: Array<{ start: string; end: string }>,
  holidays: BusinessCalendarInput['holidays'] = [],
): BusinessCalendar {
  return businessCalendarSchema.parse({
    timeZone,
    weeklyHours: {
      monday: intervals,
      tuesday: intervals,
      wednesday: intervals,
      thursday: intervals,
      friday: intervals,
      saturday: intervals,
      sunday: intervals,
    },
    holidays,
  });
}

/** `calendar` with these holidays added. */
export function withHolidays(
  calendar: BusinessCalendar,
  holidays: Array<{ date: string; name: string }>,
): BusinessCalendar {
  return businessCalendarSchema.parse({
    ...calendar,
    holidays: [...calendar.holidays, ...holidays],
  });
}

const HOUR_MS = 3_600_000;

/** The length of a list of intervals of instants, in hours. */
export function totalHours(intervals: Array<{ start: string; end: string }>): number {
  return intervals.reduce(
    (sum, interval) => sum + (Date.parse(interval.end) - Date.parse(interval.start)) / HOUR_MS,
    0,
  );
}
