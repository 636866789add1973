import { describe, expect, it } from 'vitest';
import { wallClockAt, wallClockInstant } from './wall-clock.ts';

function at(date: string, hours: number, minutes: number, timeZone: string): string {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  return new Date(
    wallClockInstant({ year, month, day }, { hours, minutes }, timeZone),
  ).toISOString();
}

describe('wallClockInstant', () => {
  it('is the local time in the zone, on an ordinary day', () => {
    expect(at('2026-06-15', 9, 0, 'Europe/Berlin')).toBe('2026-06-15T07:00:00.000Z');
    expect(at('2026-01-15', 9, 0, 'Europe/Berlin')).toBe('2026-01-15T08:00:00.000Z');
    expect(at('2026-06-15', 9, 0, 'America/New_York')).toBe('2026-06-15T13:00:00.000Z');
  });

  it('reads a time skipped when the clocks spring forward with the offset before the jump', () => {
    // Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST, so 02:30 is read as 03:30 CEST.
    expect(at('2026-03-29', 2, 30, 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(at('2026-03-29', 2, 0, 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
    // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT.
    expect(at('2026-03-08', 2, 30, 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the first occurrence of a time repeated when the clocks fall back', () => {
    // Berlin, 25 October 2026: 02:30 happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET).
    expect(at('2026-10-25', 2, 30, 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-10-25', 2, 0, 'Europe/Berlin')).toBe('2026-10-25T00:00:00.000Z');
    // New York, 1 November 2026: 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
    expect(at('2026-11-01', 1, 30, 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('is not fooled by a fall-back of half an hour (Lord Howe Island)', () => {
    // 5 April 2026: 02:00 (+11) becomes 01:30 (+10:30), so 01:45 happens twice; the first is +11.
    expect(at('2026-04-05', 1, 45, 'Australia/Lord_Howe')).toBe('2026-04-04T14:45:00.000Z');
  });

  it('reads the times just after a fall-back as usual', () => {
    expect(at('2026-10-25', 3, 0, 'Europe/Berlin')).toBe('2026-10-25T02:00:00.000Z');
    expect(at('2026-10-26', 2, 30, 'Europe/Berlin')).toBe('2026-10-26T01:30:00.000Z');
  });

  it('reads 24:00 as the next midnight, even where midnight is skipped (Santiago)', () => {
    expect(at('2026-06-15', 24, 0, 'Europe/Berlin')).toBe('2026-06-15T22:00:00.000Z');
    // Chile springs forward at 00:00 on 6 September 2026: the day starts at 01:00 -03.
    expect(at('2026-09-05', 24, 0, 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    expect(at('2026-09-06', 0, 0, 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
  });
});

describe('wallClockAt', () => {
  it('is what the local clock reads at an instant', () => {
    expect(wallClockAt(Date.parse('2026-10-25T01:30:00.000Z'), 'Europe/Berlin')).toEqual({
      hours: 2,
      minutes: 30,
      seconds: 0,
      milliseconds: 0,
    });
  });
});
