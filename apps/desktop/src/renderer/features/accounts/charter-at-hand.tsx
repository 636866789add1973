import type { RouterInputs } from '@steadfast/api';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';
import { termWords } from './term-words.ts';

type PromiseKind = RouterInputs['promise']['create']['kind'];

/** Which charter metric speaks to a kind of promise. */
const metricFor: Partial<Record<PromiseKind, string>> = {
  delivery: 'delivery_lead_time',
  response: 'first_response_time',
  callback: 'first_response_time',
  fix: 'resolution_time',
};

/**
 * The terms of the account's service charter that bear on the promise being made, beside the due:
 * what was agreed with this client is at hand before a date is given.
 */
export function CharterAtHand(props: { accountId: string; kind: PromiseKind }) {
  const trpc = useTRPC();
  const charter = useQuery(trpc.charter.get.queryOptions({ accountId: props.accountId }));
  const metric = metricFor[props.kind];
  const terms = (charter.data?.charter?.current.terms ?? []).filter(
    (term) => term.metric === metric,
  );
  if (terms.length === 0) return null;
  return (
    <p className="charter-at-hand" data-testid="charter-at-hand">
      Charter: {terms.map(termWords).join(' · ')}
    </p>
  );
}
