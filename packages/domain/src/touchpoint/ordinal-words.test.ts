import { describe, expect, it } from 'vitest';
import { ordinalWords } from './ordinal-words.ts';

describe('ordinalWords', () => {
  it('says 1st, 2nd, 3rd, 4th, and 11th–13th with th', () => {
    expect([1, 2, 3, 4, 10, 11, 12, 13, 21, 22, 23, 25, 100, 101, 111].map(ordinalWords)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '10th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '25th',
      '100th',
      '101st',
      '111th',
    ]);
  });
});
