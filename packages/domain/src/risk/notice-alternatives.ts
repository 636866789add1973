import type { PromiseKind } from '../promise/promise-terms.ts';

const alternativesByKind: Record<PromiseKind, readonly string[]> = {
  delivery: [
    'a partial delivery now, with the rest to follow',
    'expedited shipping at our cost',
    'sourcing it from another supplier',
  ],
  response: [
    'an interim answer now, with the full answer to follow',
    'a call with a specialist to talk it through',
  ],
  callback: ['a call from a colleague today', 'a call at a time of your choosing'],
  fix: [
    'a workaround now, while we finish the fix',
    'escalation to a senior engineer',
    'a temporary replacement',
  ],
  quote: [
    'an indicative quote now, with the firm quote to follow',
    'a quote for the standard option sooner',
  ],
  document: ['a draft now, with the final version to follow', 'the sections you need most first'],
  meeting: ['another time of your choosing', 'a colleague to take the meeting as planned'],
  other: [
    'part of it now, with the rest to follow',
    'a referral to another provider who can help sooner',
  ],
};

/** What the customer can be offered when a promise of this kind slips, unless the manager says otherwise. */
export function defaultAlternatives(kind: PromiseKind): string[] {
  return [...alternativesByKind[kind]];
}
