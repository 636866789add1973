import { describe, expect, it } from 'vitest';
import { declineReasonSchema, isPlainWordsReason } from './decline-reason.ts';

describe('isPlainWordsReason', () => {
  it.each([
    'We do not ship to Antarctica.',
    'Out of stock until March.',
    'Our insurance does not cover overnight work.',
    'Wir liefern nicht ins Ausland.',
    'Out of stock',
  ])('takes "%s" as a reason', (reason) => {
    expect(isPlainWordsReason(reason)).toBe(true);
  });

  it.each([
    'No',
    'no no no',
    'Sorry, not possible.',
    'We cannot do that.',
    "Unfortunately we can't.",
    'Declined.',
    'Budget exhausted',
  ])('does not take "%s" as a reason', (reason) => {
    expect(isPlainWordsReason(reason)).toBe(false);
  });
});

describe('declineReasonSchema', () => {
  function messages(reason: string): string[] {
    const result = declineReasonSchema.safeParse(reason);
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  }

  it('asks for a reason in plain words, not just "no"', () => {
    expect(messages('No.')).toEqual([
      'must tell the customer why in plain words (at least three words), not just "no"',
    ]);
  });

  it('says an empty reason is empty, and only that', () => {
    expect(messages('   ')).toEqual(['must not be empty']);
  });

  it('keeps a plain-words reason, trimmed', () => {
    expect(declineReasonSchema.parse('  The site is outside our delivery area. ')).toBe(
      'The site is outside our delivery area.',
    );
  });
});
