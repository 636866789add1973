import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordArb } from '../__tests__/outcome-builders.ts';
import { NOW } from '../__tests__/promise-builders.ts';
import { evidenceFromOutcomes } from './trust-evidence.ts';
import { trustScore, trustScoreValue } from './trust-score.ts';
import { defaultTrustSettings as settings } from './trust-settings.ts';

describe('the trust score without its interval', () => {
  it('is exactly the score trustScore gives, for any record, prior and charter compliance', () => {
    fc.assert(
      fc.property(
        recordArb(),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
        (record, typicalReliability, charterCompliance) => {
          const evidence = evidenceFromOutcomes(record, NOW, settings);
          const options = { prior: { typicalReliability }, settings, now: NOW, charterCompliance };
          expect(trustScoreValue(evidence, options)).toBe(trustScore(evidence, options).score);
        },
      ),
      { numRuns: 300 },
    );
  });
});
