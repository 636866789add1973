import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayBounds } from './day-bounds.ts';

const HOUR_MS = 60 * 60 * 1000;

function hoursLong(bounds: { start: string; end: string }): number {
  return (Date.parse(bounds.end) - Date.parse(bounds.start)) / HOUR_MS;
}

describe('dayBounds in UTC', () => {
  it('is the UTC calendar day around the instant', () => {
    expect(dayBounds('2026-06-15T12:34:56.789Z', 'UTC')).toEqual({
      start: '2026-06-15T00:00:00.000Z',
      end: '2026-06-16T00:00:00.000Z',
    });
  });

  it('is half-open: midnight starts its own day, and the millisecond before it ends the previous one', () => {
    expect(dayBounds('2026-06-16T00:00:00.000Z', 'UTC').start).toBe('2026-06-16T00:00:00.000Z');
    expect(dayBounds('2026-06-15T23:59:59.999Z', 'UTC')).toEqual({
      start: '2026-06-15T00:00:00.000Z',
      end: '2026-06-16T00:00:00.000Z',
    });
  });

  it('crosses the end of a year', () => {
    expect(dayBounds('2026-12-31T23:30:00.000Z', 'UTC').end).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('dayBounds in America/New_York', () => {
  it('in summer is the local day, from 04:00 UTC to 04:00 UTC', () => {
    expect(dayBounds('2026-06-15T12:00:00.000Z', 'America/New_York')).toEqual({
      start: '2026-06-15T04:00:00.000Z',
      end: '2026-06-16T04:00:00.000Z',
    });
  });

  it('in winter is the local day, from 05:00 UTC to 05:00 UTC', () => {
    expect(dayBounds('2026-01-15T12:00:00.000Z', 'America/New_York')).toEqual({
      start: '2026-01-15T05:00:00.000Z',
      end: '2026-01-16T05:00:00.000Z',
    });
  });

  it('is the local date, not the UTC date: 02:00 UTC is still the evening before', () => {
    expect(dayBounds('2026-06-16T02:00:00.000Z', 'America/New_York').start).toBe(
      '2026-06-15T04:00:00.000Z',
    );
  });

  it('just before local midnight belongs to the day ending, just after it to the day starting', () => {
    expect(dayBounds('2026-06-16T03:59:59.999Z', 'America/New_York')).toEqual({
      start: '2026-06-15T04:00:00.000Z',
      end: '2026-06-16T04:00:00.000Z',
    });
    expect(dayBounds('2026-06-16T04:00:00.000Z', 'America/New_York')).toEqual({
      start: '2026-06-16T04:00:00.000Z',
      end: '2026-06-17T04:00:00.000Z',
    });
  });

  it('the day clocks spring forward is 23 hours long, the day they fall back 25', () => {
    expect(dayBounds('2026-03-08T12:00:00.000Z', 'America/New_York')).toEqual({
      start: '2026-03-08T05:00:00.000Z',
      end: '2026-03-09T04:00:00.000Z',
    });
    expect(dayBounds('2026-11-01T12:00:00.000Z', 'America/New_York')).toEqual({
      start: '2026-11-01T04:00:00.000Z',
      end: '2026-11-02T05:00:00.000Z',
    });
  });
});

describe('dayBounds in Europe/Berlin', () => {
  it('on 29 March 2026, when clocks spring forward, the day is 23 hours long', () => {
    const bounds = dayBounds('2026-03-29T12:00:00.000Z', 'Europe/Berlin');

    expect(bounds).toEqual({ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' });
    expect(hoursLong(bounds)).toBe(23);
  });

  it('on 25 October 2026, when clocks fall back, the day is 25 hours long', () => {
    const bounds = dayBounds('2026-10-25T12:00:00.000Z', 'Europe/Berlin');

    expect(bounds).toEqual({ start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z' });
    expect(hoursLong(bounds)).toBe(25);
  });

  it('an instant in the repeated hour of 25 October belongs to that day', () => {
    // 02:30 local happens twice; 00:30 UTC is the first (CEST), 01:30 UTC the second (CET).
    expect(dayBounds('2026-10-25T00:30:00.000Z', 'Europe/Berlin').start).toBe(
      '2026-10-24T22:00:00.000Z',
    );
    expect(dayBounds('2026-10-25T01:30:00.000Z', 'Europe/Berlin').start).toBe(
      '2026-10-24T22:00:00.000Z',
    );
  });

  it('just before local midnight on the eve of the change belongs to the 24-hour day before', () => {
    expect(dayBounds('2026-03-28T22:59:59.999Z', 'Europe/Berlin')).toEqual({
      start: '2026-03-27T23:00:00.000Z',
      end: '2026-03-28T23:00:00.000Z',
    });
  });

  it('just after local midnight belongs to the 23-hour day of the change', () => {
    expect(dayBounds('2026-03-28T23:00:00.000Z', 'Europe/Berlin')).toEqual({
      start: '2026-03-28T23:00:00.000Z',
      end: '2026-03-29T22:00:00.000Z',
    });
  });
});

describe('dayBounds where the clocks skip midnight itself', () => {
  it('in Santiago on 6 September 2026 the day starts at 01:00 local, ends at the next midnight and is 23 hours long', () => {
    // Chile springs forward at 00:00 -04 straight to 01:00 -03.
    const bounds = dayBounds('2026-09-06T12:00:00.000Z', 'America/Santiago');

    expect(bounds).toEqual({ start: '2026-09-06T04:00:00.000Z', end: '2026-09-07T03:00:00.000Z' });
    expect(hoursLong(bounds)).toBe(23);
  });

  it('in Santiago the day after starts exactly where that day ends', () => {
    expect(dayBounds('2026-09-07T03:30:00.000Z', 'America/Santiago').start).toBe(
      '2026-09-07T03:00:00.000Z',
    );
  });

  it('in Cairo on 24 April 2026 the day is 23 hours long and ends at the next local midnight', () => {
    expect(dayBounds('2026-04-24T12:00:00.000Z', 'Africa/Cairo')).toEqual({
      start: '2026-04-23T22:00:00.000Z',
      end: '2026-04-24T21:00:00.000Z',
    });
  });
});

describe('dayBounds in any time zone', () => {
  it('keeps a half-hour offset (Asia/Kolkata, UTC+05:30)', () => {
    expect(dayBounds('2026-06-15T12:00:00.000Z', 'Asia/Kolkata')).toEqual({
      start: '2026-06-14T18:30:00.000Z',
      end: '2026-06-15T18:30:00.000Z',
    });
  });

  const zones = [
    'UTC',
    'America/New_York',
    'Europe/Berlin',
    'America/Santiago',
    'Africa/Cairo',
    'America/Havana',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
  ];

  it('contains the instant, lasts 23 to 25 hours, and the next day starts where it ends', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2020-01-01T00:00:00.000Z'),
          max: new Date('2030-12-31T00:00:00.000Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        (date, zone) => {
          const now = date.toISOString();
          const bounds = dayBounds(now, zone);

          expect(Date.parse(bounds.start)).toBeLessThanOrEqual(date.getTime());
          expect(Date.parse(bounds.end)).toBeGreaterThan(date.getTime());
          expect(hoursLong(bounds)).toBeGreaterThanOrEqual(23);
          expect(hoursLong(bounds)).toBeLessThanOrEqual(25);
          expect(dayBounds(bounds.end, zone).start).toBe(bounds.end);
          expect(dayBounds(bounds.start, zone)).toEqual(bounds);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('days tile without gap or overlap across every DST change of 2026 in zones that skip midnight', () => {
    for (const zone of ['America/Santiago', 'Africa/Cairo', 'America/Havana', 'Europe/Berlin']) {
      let bounds = dayBounds('2026-01-01T12:00:00.000Z', zone);
      for (let day = 0; day < 366; day += 1) {
        const next = dayBounds(bounds.end, zone);
        expect(next.start, `${zone} after ${bounds.start}`).toBe(bounds.end);
        expect(hoursLong(next)).toBeGreaterThanOrEqual(23);
        expect(hoursLong(next)).toBeLessThanOrEqual(25);
        bounds = next;
      }
    }
  });
});
