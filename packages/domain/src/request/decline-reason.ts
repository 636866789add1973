import { z } from 'zod';

/**
 * Words that refuse without explaining: a reason made only of these ("No.", "Sorry, not possible",
 * "We cannot do that") tells the customer nothing they can act on.
 */
const refusalWords = new Set([
  'a',
  'able',
  'afraid',
  'am',
  'are',
  'be',
  'can',
  'cannot',
  'cant',
  'decline',
  'declined',
  'denied',
  'do',
  'does',
  'done',
  'i',
  'impossible',
  'is',
  'it',
  'n',
  'na',
  'nah',
  'never',
  'no',
  'nope',
  'not',
  'possible',
  'refuse',
  'refused',
  'reject',
  'rejected',
  's',
  'sorry',
  't',
  'that',
  'this',
  'to',
  'unable',
  'unfortunately',
  'we',
  'will',
  'won',
  'wont',
]);

export const minReasonWords = 3;

/**
 * Is this a reason in plain words, the kind a customer can understand and act on: at least three
 * words, at least one of them more than a refusal ("Not possible, sorry" is not a reason;
 * "We do not ship to Antarctica" is).
 */
export function isPlainWordsReason(reason: string): boolean {
  const words = reason.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length >= minReasonWords && words.some((word) => !refusalWords.has(word));
}

/** The reason given to the customer when a request is declined. */
export const declineReasonSchema = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty', abort: true })
  .max(2000, { error: 'must be at most 2000 characters', abort: true })
  .refine(isPlainWordsReason, {
    error: 'must tell the customer why in plain words (at least three words), not just "no"',
  });
