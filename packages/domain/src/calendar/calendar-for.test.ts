import { describe, expect, it } from 'vitest';
import { berlinNineToFive, newYorkNineToFive } from './calendar-fixtures.ts';
import { calendarFor } from './calendar-for.ts';

describe('calendarFor', () => {
  it('measures an account in its own calendar (the client’s hours) when it has one', () => {
    expect(calendarFor(newYorkNineToFive, berlinNineToFive)).toBe(newYorkNineToFive);
  });

  it('measures an account without its own calendar in the company’s', () => {
    expect(calendarFor(null, berlinNineToFive)).toBe(berlinNineToFive);
    expect(calendarFor(undefined, berlinNineToFive)).toBe(berlinNineToFive);
  });
});
