import type { RouterOutputs } from '@steadfast/api';

type Charter = NonNullable<RouterOutputs['charter']['get']['charter']>;
export type CharterTerm = Charter['current']['terms'][number];

const unitWords = {
  business_minutes: 'business minutes',
  business_hours: 'business hours',
  business_days: 'business days',
} as const;

/** A charter term as agreed, in words: "First response time: 95% within 4 business hours". */
export function termWords(term: CharterTerm): string {
  const said = term.name ?? term.metric.replaceAll('_', ' ');
  const name = said.charAt(0).toUpperCase() + said.slice(1);
  const share = `${Math.round(term.threshold * 100)}%`;
  if (term.target !== null) {
    const unit = unitWords[term.target.unit].replace(/s$/, term.target.amount === 1 ? '' : 's');
    return `${name}: ${share} within ${term.target.amount} ${unit}`;
  }
  if (term.quantityTarget !== null) {
    return `${name}: ${share} at most ${term.quantityTarget.atMost} ${term.quantityTarget.unit}`;
  }
  return name;
}
