import { describe, expect, it } from 'vitest';
import {
  type BusinessCalendarInput,
  businessCalendarSchema,
  standardBusinessCalendar,
} from './business-calendar.ts';

function aCalendarInput(overrides: Partial<BusinessCalendarInput> = {}): BusinessCalendarInput {
  return {
    timeZone: 'Europe/Berlin',
    weeklyHours: { monday: [{ start: '09:00', end: '17:00' }] },
    ...overrides,
  };
}

function issuesOf(input: unknown): Array<{ path: PropertyKey[]; message: string }> {
  const result = businessCalendarSchema.safeParse(input);
  if (result.success) throw new Error('expected the calendar to be rejected');
  return result.error.issues.map(({ path, message }) => ({ path, message }));
}

describe('businessCalendarSchema', () => {
  it('fills the days not given with no working hours, and holidays with none', () => {
    const calendar = businessCalendarSchema.parse(aCalendarInput());

    expect(calendar.weeklyHours.monday).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(calendar.weeklyHours.saturday).toEqual([]);
    expect(calendar.weeklyHours.sunday).toEqual([]);
    expect(calendar.holidays).toEqual([]);
  });

  it('keeps a lunch break as a gap between two intervals of one day', () => {
    const lunch = [
      { start: '09:00', end: '12:30' },
      { start: '13:30', end: '17:30' },
    ];
    const calendar = businessCalendarSchema.parse(
      aCalendarInput({ weeklyHours: { friday: lunch } }),
    );

    expect(calendar.weeklyHours.friday).toEqual(lunch);
  });

  it('sorts the intervals of a day by their start', () => {
    const calendar = businessCalendarSchema.parse(
      aCalendarInput({
        weeklyHours: {
          monday: [
            { start: '13:30', end: '17:30' },
            { start: '09:00', end: '12:30' },
          ],
        },
      }),
    );

    expect(calendar.weeklyHours.monday.map((interval) => interval.start)).toEqual([
      '09:00',
      '13:30',
    ]);
  });

  it('accepts intervals that touch, and 24:00 as the end of a day worked up to midnight', () => {
    const calendar = businessCalendarSchema.parse(
      aCalendarInput({
        weeklyHours: {
          monday: [
            { start: '00:00', end: '12:00' },
            { start: '12:00', end: '24:00' },
          ],
        },
      }),
    );

    expect(calendar.weeklyHours.monday).toHaveLength(2);
  });

  it('sorts holidays by date', () => {
    const calendar = businessCalendarSchema.parse(
      aCalendarInput({
        holidays: [
          { date: '2026-12-25', name: 'Christmas Day' },
          { date: '2026-01-01', name: "New Year's Day" },
        ],
      }),
    );

    expect(calendar.holidays.map((holiday) => holiday.date)).toEqual(['2026-01-01', '2026-12-25']);
  });

  it('writes the time zone the canonical way', () => {
    expect(
      businessCalendarSchema.parse(aCalendarInput({ timeZone: 'europe/berlin' })).timeZone,
    ).toBe('Europe/Berlin');
  });

  it('rejects an interval that ends before it starts, at its end', () => {
    expect(
      issuesOf(aCalendarInput({ weeklyHours: { monday: [{ start: '17:00', end: '09:00' }] } })),
    ).toEqual([{ path: ['weeklyHours', 'monday', 0, 'end'], message: 'must be after start' }]);
  });

  it('rejects an interval that ends when it starts', () => {
    expect(
      issuesOf(aCalendarInput({ weeklyHours: { monday: [{ start: '09:00', end: '09:00' }] } })),
    ).toEqual([{ path: ['weeklyHours', 'monday', 0, 'end'], message: 'must be after start' }]);
  });

  it.each([
    ['9:00', 'a single-digit hour'],
    ['09:60', 'minute 60'],
    ['24:00', 'the end of the day as a start'],
    ['09:00:00', 'seconds'],
    ['nine', 'words'],
  ])('rejects %s as a start (%s)', (start) => {
    expect(
      issuesOf(aCalendarInput({ weeklyHours: { tuesday: [{ start, end: '17:00' }] } })),
    ).toEqual([
      {
        path: ['weeklyHours', 'tuesday', 0, 'start'],
        message: 'must be a time of day HH:MM between 00:00 and 23:59',
      },
    ]);
  });

  it('rejects an end past midnight', () => {
    expect(
      issuesOf(aCalendarInput({ weeklyHours: { monday: [{ start: '22:00', end: '24:30' }] } })),
    ).toEqual([
      {
        path: ['weeklyHours', 'monday', 0, 'end'],
        message: 'must be a time of day HH:MM between 00:01 and 24:00',
      },
    ]);
  });

  it('rejects overlapping intervals, naming the later one as given', () => {
    expect(
      issuesOf(
        aCalendarInput({
          weeklyHours: {
            wednesday: [
              { start: '12:00', end: '17:00' },
              { start: '09:00', end: '12:30' },
            ],
          },
        }),
      ),
    ).toEqual([
      {
        path: ['weeklyHours', 'wednesday', 0, 'start'],
        message: 'must not overlap the interval 09:00–12:30',
      },
    ]);
  });

  it('rejects a week without any working hours', () => {
    expect(issuesOf(aCalendarInput({ weeklyHours: {} }))).toEqual([
      { path: ['weeklyHours'], message: 'must have working hours on at least one day' },
    ]);
  });

  it('rejects an unknown time zone', () => {
    expect(issuesOf(aCalendarInput({ timeZone: 'Europe/Atlantis' }))).toEqual([
      { path: ['timeZone'], message: 'must be an IANA time zone such as Europe/Berlin' },
    ]);
  });

  it('rejects a holiday that is not a calendar date, or has no name', () => {
    expect(
      issuesOf(
        aCalendarInput({
          holidays: [
            { date: '2026-02-30', name: 'Not a day' },
            { date: '2026-05-01', name: '  ' },
          ],
        }),
      ),
    ).toEqual([
      { path: ['holidays', 0, 'date'], message: 'must be a calendar date (YYYY-MM-DD)' },
      { path: ['holidays', 1, 'name'], message: 'must not be empty' },
    ]);
  });
});

describe('standardBusinessCalendar', () => {
  it('is Monday to Friday 09:00–17:00 in the given time zone, with no holidays', () => {
    const calendar = standardBusinessCalendar('America/New_York');
    const nineToFive = [{ start: '09:00', end: '17:00' }];

    expect(calendar).toEqual({
      timeZone: 'America/New_York',
      weeklyHours: {
        monday: nineToFive,
        tuesday: nineToFive,
        wednesday: nineToFive,
        thursday: nineToFive,
        friday: nineToFive,
        saturday: [],
        sunday: [],
      },
      holidays: [],
    });
  });

  it('refuses an unknown time zone', () => {
    expect(() => standardBusinessCalendar('Mars/Olympus_Mons')).toThrow(/IANA time zone/);
  });
});
