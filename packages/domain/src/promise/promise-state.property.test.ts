import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aMakePromiseCommand,
  eventId,
  hoursAfter,
  ids,
  MADE_AT,
} from '../__tests__/promise-builders.ts';
import { DomainError } from '../shared/domain-error.ts';
import { makePromise, recordPromiseEvent } from './promise-commands.ts';
import {
  informChannels,
  type PromiseEvent,
  type PromiseEventInput,
  promiseEventInputSchema,
} from './promise-event.ts';
import { derivePromiseState, isClosed, type PromiseState } from './promise-state.ts';
import type { Due } from './promise-terms.ts';

// Every instant is a whole number of hours after MADE_AT, so that events land before, on and after
// the made moment, the dues and the clock often enough to try every rule.
const at = (hours: number) => hoursAfter(MADE_AT, hours);

const dueArb: fc.Arbitrary<Due> = fc.oneof(
  fc.integer({ min: -24, max: 24 * 30 }).map((hours): Due => ({ kind: 'point', at: at(hours) })),
  fc.tuple(fc.integer({ min: -24, max: 24 * 30 }), fc.nat({ max: 72 })).map(
    ([start, length]): Due => ({
      kind: 'window',
      earliest: at(start),
      latest: at(start + length),
    }),
  ),
);

const textArb = fc.constantFrom('Supplier is late', 'Customer asked', 'Handed to the carrier');

const eventInputArb: fc.Arbitrary<PromiseEventInput> = fc.oneof(
  fc.record({ type: fc.constant('condition_met'), newDue: fc.option(dueArb, { nil: null }) }),
  fc.record({ type: fc.constant('progress'), milestone: textArb }),
  fc.record({ type: fc.constant('at_risk_flagged'), reason: textArb }),
  fc.record({
    type: fc.constant('customer_informed'),
    channel: fc.constantFrom(...informChannels),
    alternativesOffered: fc.array(fc.constantFrom('Collect it', 'Partial delivery'), {
      maxLength: 3,
    }),
    apologised: fc.boolean(),
  }),
  fc.record({ type: fc.constant('renegotiated'), newDue: dueArb, reason: textArb }),
  fc.record({
    type: fc.constant('fulfilled'),
    completeness: fc.constantFrom('full', 'partial'),
  }),
  fc.record({ type: fc.constant('missed') }),
  fc.record({ type: fc.constant('released'), reason: textArb }),
  fc.record({ type: fc.constant('cancelled'), reason: textArb }),
);

const stepArb = fc.record({
  input: eventInputArb,
  /** How many hours before the clock it happened (negative: in the future); null for "now". */
  hoursAgo: fc.option(fc.integer({ min: -6, max: 72 }), { nil: null }),
  /** How far the clock moves on before this step. */
  advanceHours: fc.nat({ max: 48 }),
  /** Mostly the version the caller saw; sometimes one it did not. */
  versionSkew: fc.oneof(
    { arbitrary: fc.constant(0), weight: 8 },
    { arbitrary: fc.constantFrom(-1, 1), weight: 1 },
  ),
});

const scenarioArb = fc.record({
  conditional: fc.boolean(),
  dueInHours: fc.integer({ min: 1, max: 24 * 20 }),
  steps: fc.array(stepArb, { maxLength: 25 }),
});

describe('any sequence of recorded events', () => {
  it('keeps version, closure and replay consistent, whatever is rejected on the way', () => {
    fc.assert(
      fc.property(scenarioArb, ({ conditional, dueInHours, steps }) => {
        let now = at(1);
        const made = makePromise(
          aMakePromiseCommand({
            condition: conditional ? 'provided the customer sends the specs' : null,
            due: { kind: 'point', at: at(dueInHours) },
          }),
          { eventId: eventId(1), promiseId: ids.promise, now, actorId: ids.actor },
        );
        let state: PromiseState = made.state;
        const events: PromiseEvent[] = [made.event];
        let applied = 0;

        for (const [index, step] of steps.entries()) {
          now = hoursAfter(now, step.advanceHours);
          const before = structuredClone(state);
          let result: { event: PromiseEvent; state: PromiseState };
          try {
            result = recordPromiseEvent(
              state,
              {
                expectedVersion: state.version + step.versionSkew,
                occurredAt: step.hoursAgo === null ? undefined : hoursAfter(now, -step.hoursAgo),
                event: promiseEventInputSchema.parse(step.input),
              },
              { eventId: eventId(index + 2), now, actorId: ids.actor },
            );
          } catch (error) {
            // Only the failures the domain names are expected; anything else fails the property.
            if (!(error instanceof DomainError)) throw error;
            expect(state).toEqual(before);
            continue;
          }

          if (isClosed(state.status)) {
            expect(result.state.status).toBe(state.status);
            expect(result.state.closedAt).toBe(state.closedAt);
          }
          expect(result.event.sequence).toBe(state.version + 1);
          state = result.state;
          events.push(result.event);
          applied += 1;
        }

        expect(state.version).toBe(applied + 1);
        expect(derivePromiseState(events)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });
});
