import { z } from 'zod';
import { canonicalTimeZone, isKnownTimeZone } from '../shared/time-zone.ts';

/** The days of the week, in the order `Date#getDay()` numbers them (Sunday is 0). */
export const weekdays = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof weekdays)[number];

const START_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
// 24:00 closes a day that works up to midnight (a 24-hour desk is 00:00–24:00).
const END_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Minutes since local midnight of a wall-clock time "HH:MM" (24:00 is 1440). */
export function wallClockMinutes(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

export const workingIntervalSchema = z
  .object({
    start: z.string().regex(START_PATTERN, 'must be a time of day HH:MM between 00:00 and 23:59'),
    end: z.string().regex(END_PATTERN, 'must be a time of day HH:MM between 00:01 and 24:00'),
  })
  .refine(
    (interval) =>
      // A malformed time already has its own issue; only well-formed ones are compared.
      !START_PATTERN.test(interval.start) ||
      !END_PATTERN.test(interval.end) ||
      wallClockMinutes(interval.end) > wallClockMinutes(interval.start),
    {
      path: ['end'],
      error: 'must be after start',
    },
  );
/** A stretch of working time in local wall-clock time, [start, end): "09:00"–"12:30". */
export type WorkingInterval = z.output<typeof workingIntervalSchema>;

/**
 * One weekday's working intervals. They may be given in any order but must not overlap
 * (touching is fine); they come out sorted by start.
 */
export const workingDaySchema = z
  .array(workingIntervalSchema)
  .max(24, 'must have at most 24 intervals')
  .superRefine((intervals, context) => {
    const byStart = intervals
      .map((interval, index) => ({ interval, index }))
      .sort((a, b) => wallClockMinutes(a.interval.start) - wallClockMinutes(b.interval.start));
    for (let i = 1; i < byStart.length; i += 1) {
      const before = byStart[i - 1];
      const current = byStart[i];
      if (before === undefined || current === undefined) continue;
      if (wallClockMinutes(current.interval.start) < wallClockMinutes(before.interval.end)) {
        context.addIssue({
          code: 'custom',
          path: [current.index, 'start'],
          message: `must not overlap the interval ${before.interval.start}–${before.interval.end}`,
        });
      }
    }
  })
  .transform((intervals) =>
    [...intervals].sort((a, b) => wallClockMinutes(a.start) - wallClockMinutes(b.start)),
  );

export const weeklyHoursSchema = z
  .object({
    monday: workingDaySchema.default([]),
    tuesday: workingDaySchema.default([]),
    wednesday: workingDaySchema.default([]),
    thursday: workingDaySchema.default([]),
    friday: workingDaySchema.default([]),
    saturday: workingDaySchema.default([]),
    sunday: workingDaySchema.default([]),
  })
  .refine((week) => weekdays.some((day) => week[day].length > 0), {
    error: 'must have working hours on at least one day',
  });
/** Working intervals for each day of the week; a day without intervals is not worked. */
export type WeeklyHours = z.output<typeof weeklyHoursSchema>;

export const holidaySchema = z.object({
  date: z.iso.date({ error: 'must be a calendar date (YYYY-MM-DD)' }),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});
/** A local calendar date on which nobody works, whatever the weekly hours say. */
export type Holiday = z.output<typeof holidaySchema>;

/**
 * The business calendar business time is measured in: a time zone, working hours per weekday
 * (a lunch break is a gap between intervals) and holidays (whole local days off).
 */
export const businessCalendarSchema = z.object({
  timeZone: z
    .string()
    .refine(isKnownTimeZone, { error: 'must be an IANA time zone such as Europe/Berlin' })
    .transform(canonicalTimeZone),
  weeklyHours: weeklyHoursSchema,
  holidays: z
    .array(holidaySchema)
    .max(5000, 'must have at most 5000 holidays')
    .default([])
    .transform((holidays) => [...holidays].sort((a, b) => a.date.localeCompare(b.date))),
});
export type BusinessCalendar = z.output<typeof businessCalendarSchema>;
export type BusinessCalendarInput = z.input<typeof businessCalendarSchema>;

/** The calendar a company starts with: Monday to Friday 09:00–17:00 in its time zone, no holidays. */
export function standardBusinessCalendar(timeZone: string): BusinessCalendar {
  const officeHours = [{ start: '09:00', end: '17:00' }];
  return businessCalendarSchema.parse({
    timeZone,
    weeklyHours: {
      monday: officeHours,
      tuesday: officeHours,
      wednesday: officeHours,
      thursday: officeHours,
      friday: officeHours,
    },
  });
}
