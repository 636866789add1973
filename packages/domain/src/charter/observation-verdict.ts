import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import type { CharterVersion } from './charter.ts';
import { termAt } from './charter-compliance.ts';
import type { CharterObservation } from './charter-observation.ts';
import { termCalendar } from './charter-term.ts';
import { isDurationTerm, termLimit } from './term-target.ts';

/**
 * How one observation counts in its term's compliance: `within` or `over` the term's target,
 * `unmeasured` when it carries no measure of the kind the term takes, `no_term` when no version
 * of the charter holds its term.
 */
export type ObservationVerdict = 'within' | 'over' | 'unmeasured' | 'no_term';
export const observationVerdicts = ['within', 'over', 'unmeasured', 'no_term'] as const;

/**
 * Whether an observation met its term as agreed when it happened (the version in force at its
 * instant, in the term's calendar): the verdict charterCompliance counts, one observation at a time.
 */
export function observationVerdict(input: {
  observation: Pick<CharterObservation, 'termId' | 'occurredAt' | 'businessMinutes' | 'quantity'>;
  versions: readonly CharterVersion[];
  accountCalendar: BusinessCalendar;
}): ObservationVerdict {
  const { observation } = input;
  const agreed = termAt(input.versions, observation.termId, observation.occurredAt);
  if (agreed === undefined) return 'no_term';
  const measured = isDurationTerm(agreed) ? observation.businessMinutes : observation.quantity;
  if (measured === null) return 'unmeasured';
  const { limit } = termLimit(agreed, termCalendar(agreed, input.accountCalendar));
  return measured <= limit ? 'within' : 'over';
}
