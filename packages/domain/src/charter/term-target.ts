import {
  type BusinessCalendar,
  wallClockMinutes,
  weekdays,
} from '../calendar/business-calendar.ts';
import type { BusinessDuration } from '../calendar/business-duration.ts';
import { formatShare } from '../calibration/share-words.ts';
import type { CharterTerm } from './charter-term.ts';

/**
 * The length of a business day in a calendar, in minutes: its weekly working minutes divided by
 * its working days (480 for Mon–Fri 09:00–17:00, 450 with an hour's lunch in 09:00–17:30).
 * It converts a "within N business days" target to minutes; holidays and DST do not change it.
 */
export function businessDayMinutes(calendar: BusinessCalendar): number {
  let minutes = 0;
  let days = 0;
  for (const day of weekdays) {
    const intervals = calendar.weeklyHours[day];
    if (intervals.length === 0) continue;
    days += 1;
    for (const interval of intervals) {
      minutes += wallClockMinutes(interval.end) - wallClockMinutes(interval.start);
    }
  }
  // A valid calendar works at least one day; 480 only guards a hand-built one.
  return days === 0 ? 480 : minutes / days;
}

/** A business duration in business minutes, a business day counting as `businessDayMinutes`. */
export function durationInBusinessMinutes(
  duration: BusinessDuration,
  calendar: BusinessCalendar,
): number {
  switch (duration.unit) {
    case 'business_minutes':
      return duration.amount;
    case 'business_hours':
      return duration.amount * 60;
    case 'business_days':
      return duration.amount * businessDayMinutes(calendar);
  }
}

/**
 * The most an observation of a term may measure and still meet it: the target in business
 * minutes (in the term's calendar), or a quantity target's `atMost`, in `unit`.
 */
export function termLimit(
  term: CharterTerm,
  calendar: BusinessCalendar,
): { limit: number; unit: string } {
  if (term.quantityTarget !== null) {
    return { limit: term.quantityTarget.atMost, unit: term.quantityTarget.unit };
  }
  if (term.target !== null) {
    return { limit: durationInBusinessMinutes(term.target, calendar), unit: 'business_minutes' };
  }
  // The schema refuses a term with neither; a stored one cannot be met by anything.
  return { limit: Number.NEGATIVE_INFINITY, unit: 'business_minutes' };
}

/** Whether a term is measured in business time (else it counts a quantity). */
export function isDurationTerm(term: CharterTerm): boolean {
  return term.quantityTarget === null;
}

function describeDuration(duration: BusinessDuration): string {
  const unit = duration.unit.replace('business_', 'business ');
  return `${duration.amount} ${duration.amount === 1 ? unit.replace(/s$/, '') : unit}`;
}

/** A term as the charter states it: "first response time: 95% within 4 business hours". */
export function describeTerm(term: CharterTerm): string {
  const what = term.name ?? term.metric.replaceAll('_', ' ');
  const share = formatShare(term.threshold);
  if (term.quantityTarget !== null) {
    const { atMost, unit } = term.quantityTarget;
    return `${what}: ${share} at most ${atMost} ${unit}`;
  }
  const target = term.target === null ? 'no target' : describeDuration(term.target);
  return `${what}: ${share} within ${target}`;
}
