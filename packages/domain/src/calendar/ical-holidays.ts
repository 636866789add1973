import ICAL from 'ical.js';
import { DomainError } from '../shared/domain-error.ts';
import type { Holiday } from './business-calendar.ts';
import { addLocalDays, compareLocalDates, formatLocalDate, type LocalDate } from './local-date.ts';

type ICalTime = InstanceType<typeof ICAL.Time>;
type ICalEvent = InstanceType<typeof ICAL.Event>;
type ICalComponent = InstanceType<typeof ICAL.Component>;

/** The years whose holidays to import; repeating events are expanded over them. */
export interface ICalYearRange {
  fromYear: number;
  toYear: number;
}

// A yearly holiday over a century is 100 occurrences; far more means it is not a holiday list.
const MAX_OCCURRENCES_PER_EVENT = 50_000;

/**
 * The holidays in an iCalendar (.ics) file that fall in `years`: each all-day event is a holiday
 * on every date it covers (DTEND is exclusive), repeating events (RRULE, RDATE, EXDATE, moved
 * occurrences) are expanded; events with a time of day are meetings, not holidays, and are skipped.
 */
export function parseICalHolidays(icsText: string, years: ICalYearRange): Holiday[] {
  checkYears(years);
  let events: ICalEvent[];
  try {
    events = eventsIn(icsText);
  } catch (error) {
    throw invalidICal(error);
  }
  const holidays = new Map<string, Holiday>();
  for (const event of events) {
    try {
      for (const holiday of holidaysOf(event, years)) {
        holidays.set(`${holiday.date} ${holiday.name}`, holiday);
      }
    } catch (error) {
      throw invalidICal(error);
    }
  }
  return [...holidays.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name),
  );
}

function checkYears({ fromYear, toYear }: ICalYearRange): void {
  if (!Number.isInteger(fromYear) || fromYear < 1 || fromYear > 9999) {
    throw new DomainError({
      code: 'invalid_year_range',
      kind: 'invalid',
      field: 'fromYear',
      message: 'must be a year between 1 and 9999',
    });
  }
  if (!Number.isInteger(toYear) || toYear < fromYear || toYear > 9999) {
    throw new DomainError({
      code: 'invalid_year_range',
      kind: 'invalid',
      field: 'toYear',
      message: `must be a year between ${fromYear} and 9999`,
    });
  }
}

/** The file's events, each repeating one carrying its moved or changed occurrences. */
function eventsIn(icsText: string): ICalEvent[] {
  const root = new ICAL.Component(ICAL.parse(icsText));
  if (root.name !== 'vcalendar') throw new Error(`it holds a ${root.name}, not a VCALENDAR`);
  const components = root.getAllSubcomponents('vevent');
  const isException = (component: ICalComponent) => component.hasProperty('recurrence-id');
  const masters = components.filter((component) => !isException(component));
  const masterUids = new Set(masters.map((component) => component.getFirstPropertyValue('uid')));
  const exceptions = components.filter(isException);
  const events = masters.map(
    (master) =>
      new ICAL.Event(master, {
        exceptions: exceptions.filter(
          (exception) =>
            exception.getFirstPropertyValue('uid') === master.getFirstPropertyValue('uid'),
        ),
      }),
  );
  // A moved occurrence whose series is not in the file still says when it happens.
  const orphans = exceptions.filter(
    (exception) => !masterUids.has(exception.getFirstPropertyValue('uid')),
  );
  return [...events, ...orphans.map((orphan) => new ICAL.Event(orphan))];
}

function* holidaysOf(event: ICalEvent, years: ICalYearRange): Generator<Holiday> {
  if (event.startDate === null || event.startDate === undefined) {
    throw new Error(`the event "${event.summary ?? ''}" has no DTSTART`);
  }
  if (!event.isRecurring()) {
    yield* holidaysFor(event.summary, event.startDate, event.endDate, years);
    return;
  }
  const occurrences = event.iterator();
  for (let count = 0; count < MAX_OCCURRENCES_PER_EVENT; count += 1) {
    const occurrence = occurrences.next();
    if (!occurrence || occurrence.year > years.toYear) return;
    const details = event.getOccurrenceDetails(occurrence);
    yield* holidaysFor(details.item.summary, details.startDate, details.endDate, years);
  }
  throw new Error(`the event "${event.summary}" repeats too often to be a holiday`);
}

/** The dates an all-day event covers, [start, end), that fall in the requested years. */
function* holidaysFor(
  summary: string | null | undefined,
  start: ICalTime,
  end: ICalTime | null | undefined,
  years: ICalYearRange,
): Generator<Holiday> {
  if (!start.isDate) return;
  const name = summary?.trim() || 'Holiday';
  const first = localDate(start);
  // A missing or not-later end still means the one day.
  const endDate = end ? localDate(end) : addLocalDays(first, 1);
  const last = compareLocalDates(endDate, first) > 0 ? addLocalDays(endDate, -1) : first;
  for (let date = first; compareLocalDates(date, last) <= 0; date = addLocalDays(date, 1)) {
    if (date.year < years.fromYear) continue;
    if (date.year > years.toYear) return;
    yield { date: formatLocalDate(date), name };
  }
}

function localDate(time: ICalTime): LocalDate {
  return { year: time.year, month: time.month, day: time.day };
}

function invalidICal(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new DomainError({
    code: 'invalid_ical',
    kind: 'invalid',
    field: 'ics',
    message: `is not a readable iCalendar file: ${reason}`,
  });
}
