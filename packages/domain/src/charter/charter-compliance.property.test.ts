import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charterCompliance } from './charter-compliance.ts';
import { accountId, berlinOffice, firstCharter, firstResponseTerm } from './charter-fixtures.ts';
import type { CharterObservation } from './charter-observation.ts';

const window = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };
const thresholdArb = fc.double({ min: 0.01, max: 1, noNaN: true });
const minutesArb = fc.double({ min: 0, max: 2000, noNaN: true });

function complianceOf(threshold: number, minutes: number[]) {
  const charter = firstCharter([{ ...firstResponseTerm, threshold }]);
  const termId = charter.current.terms[0]?.id ?? '';
  const observations = minutes.map(
    (measured, n): CharterObservation => ({
      id: `observation-${n}`,
      accountId,
      termId,
      charterVersion: 1,
      reference: null,
      occurredAt: '2026-01-12T10:00:00.000Z',
      startedAt: null,
      endedAt: null,
      businessMinutes: measured,
      quantity: null,
      note: null,
      recordedAt: '2026-01-12T10:00:00.000Z',
      recordedBy: null,
    }),
  );
  return charterCompliance({
    accountId,
    versions: [charter.current],
    observations,
    accountCalendar: berlinOffice,
    window,
  });
}

describe('charter compliance properties', () => {
  it('is a share between 0 and 1, breached exactly when below the threshold', () => {
    fc.assert(
      fc.property(
        thresholdArb,
        fc.array(minutesArb, { minLength: 1, maxLength: 40 }),
        (t, minutes) => {
          const { share, terms } = complianceOf(t, minutes);
          const term = terms[0];
          expect(share).not.toBeNull();
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
          expect(term?.status).toBe((term?.share ?? 0) < t ? 'breached' : 'met');
          expect(term?.breaches.length).toBe(minutes.filter((m) => m > 240).length);
        },
      ),
    );
  });

  it('never falls when one more observation within target arrives, never rises with one over it', () => {
    fc.assert(
      fc.property(
        thresholdArb,
        fc.array(minutesArb, { maxLength: 40 }),
        fc.double({ min: 0, max: 240, noNaN: true }),
        fc.double({ min: 240.001, max: 5000, noNaN: true }),
        (t, minutes, within, over) => {
          const before = complianceOf(t, minutes).share ?? 0;
          expect(complianceOf(t, [...minutes, within]).share ?? 0).toBeGreaterThanOrEqual(before);
          const withOver = complianceOf(t, [...minutes, over]).share ?? 0;
          expect(withOver).toBeLessThanOrEqual(minutes.length === 0 ? 0 : before);
        },
      ),
    );
  });
});
