import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../__tests__/outcome-builders.ts';
import {
  aMadePromise,
  apply,
  hoursAfter,
  MADE_AT,
  someFacts,
} from '../__tests__/promise-builders.ts';
import type { Due } from '../promise/promise-terms.ts';

const at = (hours: number) => hoursAfter(MADE_AT, hours);

const dueArb: fc.Arbitrary<Due> = fc.oneof(
  fc.integer({ min: 1, max: 24 * 20 }).map((hours): Due => ({ kind: 'point', at: at(hours) })),
  fc.tuple(fc.integer({ min: 1, max: 24 * 20 }), fc.nat({ max: 24 * 5 })).map(
    ([start, length]): Due => ({
      kind: 'window',
      earliest: at(start),
      latest: at(start + length),
    }),
  ),
);

describe('the outcome of a fulfilled promise', () => {
  it('is late exactly when delivered after the deadline, early exactly when before a window', () => {
    fc.assert(
      fc.property(dueArb, fc.integer({ min: 0, max: 24 * 30 }), (due, deliveredHours) => {
        const state = apply(aMadePromise({ due }), someFacts.fulfilled(), {
          occurredAt: at(deliveredHours),
        });
        const outcome = outcomeOf(state);
        const deadline = Date.parse(due.kind === 'point' ? due.at : due.latest);
        const delivered = Date.parse(at(deliveredHours));
        expect(outcome.kind === 'late').toBe(delivered > deadline);
        expect(outcome.kind === 'early').toBe(
          due.kind === 'window' && delivered < Date.parse(due.earliest),
        );
        expect(outcome.announcedBeforeDue === null).toBe(outcome.kind !== 'late');
        if (outcome.kind === 'late') expect(outcome.lateByMinutes).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
