import { describe, expect, it } from 'vitest';
import { endOfDay, trendDays } from './trend-months.ts';

describe('trendDays', () => {
  it('gives the last day of each earlier month, then today', () => {
    expect(trendDays('2026-11-24T10:00:00.000Z', 3)).toEqual([
      '2026-09-30',
      '2026-10-31',
      '2026-11-24',
    ]);
  });

  it('crosses a year and knows February', () => {
    expect(trendDays('2026-03-05T10:00:00.000Z', 4)).toEqual([
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-03-05',
    ]);
  });

  it('draws twelve points for a year', () => {
    const days = trendDays('2026-11-24T10:00:00.000Z', 12);
    expect(days).toHaveLength(12);
    expect(days[0]).toBe('2025-12-31');
    expect(endOfDay('2026-10-31')).toBe('2026-10-31T23:59:59.999Z');
  });
});
