import { describe, expect, it } from 'vitest';
import { parseDue } from './parse-due.ts';

// Tuesday 24 November 2026, 10:00 local time: what "Fri" and "Mon" mean is read from here.
const tuesdayMorning = new Date(2026, 10, 24, 10, 0);
const local = (month: number, day: number, hour: number, minute = 0) =>
  new Date(2026, month - 1, day, hour, minute);

describe('reading a due as the account manager says it', () => {
  it('leaves "in 10 business days" to the business calendar', () => {
    expect(parseDue('in 10 business days', tuesdayMorning)).toEqual({
      kind: 'business',
      amount: 10,
      unit: 'business_days',
    });
    expect(parseDue('4 working hours', tuesdayMorning)).toEqual({
      kind: 'business',
      amount: 4,
      unit: 'business_hours',
    });
  });

  it('reads "Fri 3pm" as this coming Friday at 15:00', () => {
    expect(parseDue('Fri 3pm', tuesdayMorning)).toEqual({ kind: 'point', at: local(11, 27, 15) });
  });

  it('reads a day without a time as the end of that working day', () => {
    expect(parseDue('next Tuesday', tuesdayMorning)).toEqual({
      kind: 'point',
      at: local(12, 1, 17),
    });
    expect(parseDue('tomorrow', tuesdayMorning)).toEqual({ kind: 'point', at: local(11, 25, 17) });
  });

  it('reads "between Mon and Wed" as a window from Monday morning to Wednesday evening', () => {
    const window = { kind: 'window', earliest: local(11, 30, 9), latest: local(12, 2, 17) };
    expect(parseDue('between Mon and Wed', tuesdayMorning)).toEqual(window);
    expect(parseDue('Mon - Wed', tuesdayMorning)).toEqual(window);
  });

  it('says nothing rather than guess when the words are not a date', () => {
    expect(parseDue('', tuesdayMorning)).toBeNull();
    expect(parseDue('as soon as possible', tuesdayMorning)).toBeNull();
    expect(parseDue('in 0 business days', tuesdayMorning)).toBeNull();
  });
});
