import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from './business-calendar.ts';
import { addBusinessDuration } from './business-duration.ts';
import { berlinNineToFive } from './calendar-fixtures.ts';
import { parseICalHolidays } from './ical-holidays.ts';

/** Lines joined the way .ics files are written: CRLF. */
function ics(...lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

function calendarOf(...events: string[][]): string {
  return ics(
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Steadfast tests//Holidays//EN',
    ...events.flat(),
    'END:VCALENDAR',
  );
}

const germanHolidays = ics(
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Steadfast tests//Feiertage Berlin//DE',
  'CALSCALE:GREGORIAN',
  'X-WR-CALNAME:Feiertage Berlin',
  'BEGIN:VEVENT',
  'UID:neujahr@steadfast.test',
  'DTSTAMP:20251201T000000Z',
  'DTSTART;VALUE=DATE:20240101',
  'DTEND;VALUE=DATE:20240102',
  'RRULE:FREQ=YEARLY',
  'SUMMARY:Neujahr',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:tag-der-arbeit@steadfast.test',
  'DTSTAMP:20251201T000000Z',
  'DTSTART;VALUE=DATE:20200501',
  'RRULE:FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=1',
  'SUMMARY:Tag der Arbeit',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:ostermontag-2026@steadfast.test',
  'DTSTAMP:20251201T000000Z',
  'DTSTART;VALUE=DATE:20260406',
  'DTEND;VALUE=DATE:20260407',
  'SUMMARY:Ostermontag',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:weihnachten-2026@steadfast.test',
  'DTSTAMP:20251201T000000Z',
  'DTSTART;VALUE=DATE:20261224',
  'DTEND;VALUE=DATE:20261227',
  'SUMMARY:Weihnachten (Betriebsruhe)',
  'DESCRIPTION:Heiligabend bis zweiter Weihnachtsfeiertag\\, das Büro ist geschlo',
  ' ssen.',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:team-meeting@steadfast.test',
  'DTSTAMP:20251201T000000Z',
  'DTSTART:20260115T100000Z',
  'DTEND:20260115T110000Z',
  'SUMMARY:Teammeeting',
  'END:VEVENT',
  'END:VCALENDAR',
);

describe('parseICalHolidays', () => {
  it('reads a holiday file: yearly holidays in each year asked for, a three-day closure as three days, no meetings', () => {
    expect(parseICalHolidays(germanHolidays, { fromYear: 2026, toYear: 2027 })).toEqual([
      { date: '2026-01-01', name: 'Neujahr' },
      { date: '2026-04-06', name: 'Ostermontag' },
      { date: '2026-05-01', name: 'Tag der Arbeit' },
      { date: '2026-12-24', name: 'Weihnachten (Betriebsruhe)' },
      { date: '2026-12-25', name: 'Weihnachten (Betriebsruhe)' },
      { date: '2026-12-26', name: 'Weihnachten (Betriebsruhe)' },
      { date: '2027-01-01', name: 'Neujahr' },
      { date: '2027-05-01', name: 'Tag der Arbeit' },
    ]);
  });

  it('leaves out one-off holidays outside the years asked for', () => {
    expect(parseICalHolidays(germanHolidays, { fromYear: 2027, toYear: 2027 })).toEqual([
      { date: '2027-01-01', name: 'Neujahr' },
      { date: '2027-05-01', name: 'Tag der Arbeit' },
    ]);
  });

  it('keeps only the days within the years of an event that spans New Year', () => {
    const breakOverNewYear = [
      'BEGIN:VEVENT',
      'UID:winter-break@steadfast.test',
      'DTSTART;VALUE=DATE:20251231',
      'DTEND;VALUE=DATE:20260103',
      'SUMMARY:Winter break',
      'END:VEVENT',
    ];

    expect(
      parseICalHolidays(calendarOf(breakOverNewYear), { fromYear: 2026, toYear: 2026 }),
    ).toEqual([
      { date: '2026-01-01', name: 'Winter break' },
      { date: '2026-01-02', name: 'Winter break' },
    ]);
  });

  it('repeats a multi-day event with its length, and honours COUNT and EXDATE', () => {
    const summerClosure = [
      'BEGIN:VEVENT',
      'UID:summer-closure@steadfast.test',
      'DTSTART;VALUE=DATE:20250804',
      'DTEND;VALUE=DATE:20250806',
      'RRULE:FREQ=YEARLY;COUNT=3',
      'EXDATE;VALUE=DATE:20260804',
      'SUMMARY:Summer closure',
      'END:VEVENT',
    ];

    expect(parseICalHolidays(calendarOf(summerClosure), { fromYear: 2025, toYear: 2030 })).toEqual([
      { date: '2025-08-04', name: 'Summer closure' },
      { date: '2025-08-05', name: 'Summer closure' },
      { date: '2027-08-04', name: 'Summer closure' },
      { date: '2027-08-05', name: 'Summer closure' },
    ]);
  });

  it('moves an occurrence that the file moves (RECURRENCE-ID)', () => {
    const companyDay = [
      'BEGIN:VEVENT',
      'UID:company-day@steadfast.test',
      'DTSTART;VALUE=DATE:20260703',
      'RRULE:FREQ=YEARLY',
      'SUMMARY:Company day',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:company-day@steadfast.test',
      'RECURRENCE-ID;VALUE=DATE:20270703',
      'DTSTART;VALUE=DATE:20270702',
      'SUMMARY:Company day (moved)',
      'END:VEVENT',
    ];

    expect(parseICalHolidays(calendarOf(companyDay), { fromYear: 2026, toYear: 2027 })).toEqual([
      { date: '2026-07-03', name: 'Company day' },
      { date: '2027-07-02', name: 'Company day (moved)' },
    ]);
  });

  it('names a holiday without a summary "Holiday"', () => {
    const unnamed = [
      'BEGIN:VEVENT',
      'UID:x@steadfast.test',
      'DTSTART;VALUE=DATE:20260101',
      'END:VEVENT',
    ];

    expect(parseICalHolidays(calendarOf(unnamed), { fromYear: 2026, toYear: 2026 })).toEqual([
      { date: '2026-01-01', name: 'Holiday' },
    ]);
  });

  it('gives holidays a business calendar accepts, which then push deadlines back', () => {
    const holidays = parseICalHolidays(germanHolidays, { fromYear: 2026, toYear: 2026 });
    const calendar = businessCalendarSchema.parse({ ...berlinNineToFive, holidays });

    // Tuesday 22 December 2026 10:00 CET + 3 business days: the 24th–26th are off, the 27th a Sunday.
    expect(
      addBusinessDuration(calendar, '2026-12-22T09:00:00.000Z', {
        amount: 3,
        unit: 'business_days',
      }),
    ).toBe('2026-12-29T09:00:00.000Z');
  });

  it.each([
    ['plain text', 'hello'],
    ['an empty file', ''],
    ['an unterminated calendar', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n'],
    ['a malformed date', calendarOf(['BEGIN:VEVENT', 'DTSTART;VALUE=DATE:2026XX01', 'END:VEVENT'])],
    ['an event without a start', calendarOf(['BEGIN:VEVENT', 'SUMMARY:When?', 'END:VEVENT'])],
    ['a contact card', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\nEND:VCARD\r\n'],
  ])('refuses %s as invalid iCal, naming the file', (_what, text) => {
    expect(() => parseICalHolidays(text, { fromYear: 2026, toYear: 2026 })).toThrow(
      expect.objectContaining({
        name: 'DomainError',
        kind: 'invalid',
        code: 'invalid_ical',
        field: 'ics',
      }),
    );
  });

  it('refuses a year range that runs backwards', () => {
    expect(() => parseICalHolidays(germanHolidays, { fromYear: 2027, toYear: 2026 })).toThrow(
      expect.objectContaining({ code: 'invalid_year_range', field: 'toYear' }),
    );
  });
});
