import type { Due } from '../promise/promise-terms.ts';
import { dueDeadline } from '../promise/promise-terms.ts';
import { DomainError } from '../shared/domain-error.ts';
import { type Instant, instantMs } from '../shared/instant.ts';

/** Something reported as having happened cannot have happened after now. */
export function assertNotInFuture(at: Instant, now: Instant, field: string): void {
  if (instantMs(at) > instantMs(now)) {
    throw new DomainError({
      code: 'occurred_in_future',
      kind: 'invalid',
      field,
      message: `must not be in the future (it is now ${now})`,
    });
  }
}

/** A date a customer wants something by must lie after the moment they asked. */
export function assertWantedAfterAsked(wantedBy: Due, askedAt: Instant, field: string): void {
  if (instantMs(dueDeadline(wantedBy)) > instantMs(askedAt)) return;
  throw new DomainError({
    code: 'wanted_before_asked',
    kind: 'invalid',
    field: `${field}.${wantedBy.kind === 'point' ? 'at' : 'latest'}`,
    message: 'must lie after the moment the customer asked',
  });
}
