import { describe, expect, it } from 'vitest';
import { median } from './median.ts';

describe('median', () => {
  it('is the middle value of an odd count, and the mean of the middle two of an even count', () => {
    expect(median([7, 1, 5])).toBe(5);
    expect(median([6, 1, 5, 9])).toBe(5.5);
  });

  it('is not a number for no values', () => {
    expect(median([])).toBeNaN();
  });
});
