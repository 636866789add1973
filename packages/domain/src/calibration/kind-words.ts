import type { PromiseKind } from '../promise/promise-terms.ts';

const plurals: Record<PromiseKind, string> = {
  delivery: 'deliveries',
  response: 'responses',
  callback: 'callbacks',
  fix: 'fixes',
  quote: 'quotes',
  document: 'documents',
  meeting: 'meetings',
  other: 'promises',
};

/** What promises of a kind are called in a sentence about many of them ("deliveries"). */
export function promiseKindPlural(kind: PromiseKind | null): string {
  return kind === null ? 'promises' : plurals[kind];
}
