import { describe, expect, it } from 'vitest';
import {
  describeBusinessMinutes,
  describeBusinessMinutesExactly,
  formatMinutes,
} from './business-duration-words.ts';
import { formatShare } from './share-words.ts';

describe('business duration words', () => {
  it('speaks in business days from one day up, in hours from one hour up, else in minutes', () => {
    expect(describeBusinessMinutes(3360, 480)).toBe('7 business days');
    expect(describeBusinessMinutes(480, 480)).toBe('1 business day');
    expect(describeBusinessMinutes(3120, 480)).toBe('6.5 business days');
    expect(describeBusinessMinutes(210, 480)).toBe('3.5 business hours');
    expect(describeBusinessMinutes(60, 480)).toBe('1 business hour');
    expect(describeBusinessMinutes(45, 480)).toBe('45 business minutes');
    expect(describeBusinessMinutes(1, 480)).toBe('1 business minute');
  });

  it('uses the length of the business day it is given', () => {
    expect(describeBusinessMinutes(3360, 420)).toBe('8 business days');
  });

  it('shows the exact figure beside the words, with thousands separators', () => {
    expect(describeBusinessMinutesExactly(3360, 480)).toBe('7 business days (3,360 min)');
    expect(formatMinutes(1234567.4)).toBe('1,234,567');
  });

  it('shows shares as percentages to one decimal at most', () => {
    expect(formatShare(0.8)).toBe('80%');
    expect(formatShare(1 / 3)).toBe('33.3%');
  });
});
