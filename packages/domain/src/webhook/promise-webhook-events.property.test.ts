import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aMadePromise,
  apply,
  hoursAfter,
  MADE_AT,
  someFacts,
} from '../__tests__/promise-builders.ts';
import type { PromiseEventChange } from '../promise/promise-event.ts';
import type { PromiseState } from '../promise/promise-state.ts';
import { isDomainError } from '../shared/domain-error.ts';
import { promiseWebhookEvents } from './promise-webhook-events.ts';
import type { WebhookEvent } from './webhook-event.ts';

const factsArb: fc.Arbitrary<PromiseEventChange> = fc.oneof(
  fc.constant(someFacts.progress()),
  fc.constant(someFacts.at_risk_flagged()),
  fc.constant(someFacts.customer_informed()),
  fc.constant(someFacts.renegotiated()),
  fc.constantFrom(someFacts.fulfilled('full'), someFacts.fulfilled('partial')),
  fc.constant(someFacts.missed()),
  fc.constant(someFacts.released()),
  fc.constant(someFacts.cancelled()),
);

/** A promise's life from a random sequence of changes (illegal ones refused and skipped). */
function live(changes: readonly PromiseEventChange[]): {
  final: PromiseState;
  events: WebhookEvent[];
} {
  let state = aMadePromise();
  const events: WebhookEvent[] = [];
  changes.forEach((facts, index) => {
    try {
      const next = apply(state, facts, { occurredAt: hoursAfter(MADE_AT, index + 1) });
      events.push(...promiseWebhookEvents(state, next));
      state = next;
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  });
  return { final: state, events };
}

describe('webhook events over a promise’s whole life', () => {
  it('tell of its closing at most once, and only as it really closed', () => {
    fc.assert(
      fc.property(fc.array(factsArb, { maxLength: 12 }), (changes) => {
        const { final, events } = live(changes);
        const closings = events.filter((event) => event.type !== 'promise.at_risk');
        const expected =
          final.status === 'fulfilled'
            ? ['promise.fulfilled']
            : final.status === 'missed'
              ? ['promise.missed']
              : [];
        expect(closings.map((event) => event.type)).toEqual(expected);
      }),
    );
  });

  it('tell of a risk once per time it was flagged while not already at risk', () => {
    fc.assert(
      fc.property(fc.array(factsArb, { maxLength: 12 }), (changes) => {
        const { events } = live(changes);
        const atRisk = events.filter((event) => event.type === 'promise.at_risk');
        // Every event names the promise's account and is of the moment it happened.
        for (const event of events) {
          expect(event.accountId).toBe(aMadePromise().terms.accountId);
          expect(event.occurredAt >= MADE_AT).toBe(true);
        }
        expect(atRisk.length).toBeLessThanOrEqual(
          changes.filter((facts) => facts.type === 'at_risk_flagged').length,
        );
      }),
    );
  });
});
