import { z } from 'zod';
import { DomainError } from '../shared/domain-error.ts';
import { type Instant, instantMs, toInstant } from '../shared/instant.ts';
import type { BusinessCalendar } from './business-calendar.ts';
import { addBusinessMinutes, nextWorkingMoment } from './business-time.ts';
import { wallClockAt, wallClockInstant } from './wall-clock.ts';
import { type WorkingRange, workingDays, workingSchedule } from './working-schedule.ts';

export const businessDurationUnits = [
  'business_minutes',
  'business_hours',
  'business_days',
] as const;
export type BusinessDurationUnit = (typeof businessDurationUnits)[number];

/** A length of business time, as people say it: "4 business hours", "10 business days". */
/** The longest duration anyone may ask for: about eight years of business time, kept cheap to compute. */
export const maxBusinessDurationAmount = {
  business_days: 2000,
  business_hours: 16_000,
  business_minutes: 960_000,
} as const;

export const businessDurationSchema = z
  .object({
    amount: z.number().nonnegative('must not be negative'),
    unit: z.enum(businessDurationUnits),
  })
  .refine((duration) => duration.unit !== 'business_days' || Number.isInteger(duration.amount), {
    path: ['amount'],
    error: 'must be a whole number of business days',
  })
  .refine((duration) => duration.amount <= maxBusinessDurationAmount[duration.unit], {
    path: ['amount'],
    error: 'must be at most 2000 business days (16,000 hours, 960,000 minutes)',
  });
export type BusinessDuration = z.output<typeof businessDurationSchema>;

/**
 * When a business duration that starts at `start` ends. Minutes and hours count working time
 * (see addBusinessMinutes). "N business days" is what an account manager means by "in 10 business
 * days": from the next working moment (start itself during working time), the same local time of
 * day N working days later, skipping days without hours and holidays. If that time of day is not
 * working time on the last day, the end moves back to that day's last working moment before it
 * (its closing time, or the start of its lunch break), or to its opening if it is before that.
 */
export function addBusinessDuration(
  calendar: BusinessCalendar,
  start: Instant,
  duration: BusinessDuration,
): Instant {
  const checked = businessDurationSchema.safeParse(duration);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new DomainError({
      code: 'invalid_business_duration',
      kind: 'invalid',
      field: issue?.path.join('.') || 'amount',
      message: issue?.message ?? 'is not a business duration',
    });
  }
  switch (duration.unit) {
    case 'business_minutes':
      return addBusinessMinutes(calendar, start, duration.amount);
    case 'business_hours':
      return addBusinessMinutes(calendar, start, duration.amount * 60);
    case 'business_days':
      return addBusinessDays(calendar, start, duration.amount);
  }
}

function addBusinessDays(calendar: BusinessCalendar, start: Instant, days: number): Instant {
  const begin = instantMs(nextWorkingMoment(calendar, start));
  if (days === 0) return toInstant(new Date(begin));
  const schedule = workingSchedule(calendar);
  const { timeZone } = schedule;
  const timeOfDay = wallClockAt(begin, timeZone);
  let counted = 0;
  let isBeginDay = true;
  for (const { date, ranges } of workingDays(schedule, begin, 1)) {
    if (isBeginDay || ranges.length === 0) {
      isBeginDay = false;
      continue;
    }
    counted += 1;
    if (counted < days) continue;
    const target = wallClockInstant(date, timeOfDay, timeZone);
    return toInstant(new Date(snapIntoWorkingTime(target, ranges)));
  }
  throw new Error('workingDays() never ends');
}

/**
 * `target` when it is working time on its day; else the last working moment before it that day
 * (the end of the interval before it), or the day's opening when it is before that.
 */
function snapIntoWorkingTime(target: number, ranges: readonly WorkingRange[]): number {
  let snapped = ranges[0]?.start ?? target;
  for (const range of ranges) {
    if (range.start > target) break;
    if (target < range.end) return target;
    snapped = range.end;
  }
  return snapped;
}
