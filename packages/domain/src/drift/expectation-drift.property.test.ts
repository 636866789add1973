import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDriftSettings } from './drift-settings.ts';
import { detectExpectationDrift, type FulfilledDuration } from './expectation-drift.ts';

const fulfilledArb: fc.Arbitrary<FulfilledDuration> = fc.record({
  promisedMinutes: fc.integer({ min: 60, max: 9600 }),
  actualMinutes: fc.integer({ min: 0, max: 12000 }),
});

const detect = (fulfilled: FulfilledDuration[]) =>
  detectExpectationDrift({
    accountName: 'Northwind',
    kind: 'delivery',
    fulfilled,
    settings: defaultDriftSettings,
  });

describe('expectation drift properties', () => {
  it('depends only on the most recent promises, whatever came before', () => {
    fc.assert(
      fc.property(
        fc.array(fulfilledArb, { maxLength: 10 }),
        fc.array(fulfilledArb, { minLength: 6, maxLength: 6 }),
        (older, recent) => {
          expect(detect([...older, ...recent])).toEqual(detect(recent));
        },
      ),
    );
  });

  it('never reports drift when no delivery ran well ahead of its promise', () => {
    const notAheadArb = fulfilledArb.map((entry) => ({
      ...entry,
      actualMinutes: Math.max(entry.actualMinutes, Math.ceil(entry.promisedMinutes * 0.71)),
    }));

    fc.assert(
      fc.property(fc.array(notAheadArb, { maxLength: 12 }), (fulfilled) => {
        expect(detect(fulfilled).drifted).toBe(false);
      }),
    );
  });
});
