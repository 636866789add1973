import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageDaysArb,
  aKeptOutcome,
  aLateOutcome,
  aMissedOutcome,
  anEarlyOutcome,
  daysAgo,
  importanceArb,
  recordArb,
} from '../__tests__/outcome-builders.ts';
import { NOW } from '../__tests__/promise-builders.ts';
import type { ClosedOutcome } from '../outcome/promise-outcome.ts';
import { addOutcome, evidenceFromOutcomes } from './trust-evidence.ts';
import { type TrustScore, trustScore } from './trust-score.ts';
import { defaultTrustSettings as settings } from './trust-settings.ts';

const priorArb = fc.double({ min: 0.05, max: 0.95, noNaN: true });
const charterArb = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });

function scoreOf(
  record: readonly ClosedOutcome[],
  typicalReliability: number,
  charterCompliance: number | null,
): TrustScore {
  return trustScore(evidenceFromOutcomes(record, NOW, settings), {
    prior: { typicalReliability },
    settings,
    now: NOW,
    charterCompliance,
  });
}

/** A miss at some age, announced or not, called at or after its deadline, maybe after a part. */
const missArb = fc.record({
  importance: importanceArb,
  announced: fc.boolean(),
  overdueByMinutes: fc.integer({ min: 0, max: 10 * 480 }),
  partlyDelivered: fc.boolean(),
});

describe('the trust score', () => {
  it('never drops when one more promise is kept, on time or early', () => {
    fc.assert(
      fc.property(
        recordArb(),
        ageDaysArb,
        importanceArb,
        fc.boolean(),
        priorArb,
        charterArb,
        (record, age, importance, early, prior, charter) => {
          const keptOne = (early ? anEarlyOutcome : aKeptOutcome)({
            closedAt: daysAgo(age),
            importance,
          });
          const options = { prior: { typicalReliability: prior }, settings, now: NOW };
          const evidence = evidenceFromOutcomes(record, NOW, settings);
          const before = trustScore(evidence, { ...options, charterCompliance: charter });
          const after = trustScore(addOutcome(evidence, keptOne, settings), {
            ...options,
            charterCompliance: charter,
          });
          expect(after.score).toBeGreaterThanOrEqual(before.score - 1e-9);
          expect(after.interval.low).toBeGreaterThanOrEqual(before.interval.low - 1e-9);
        },
      ),
    );
  });

  it('never drops when an on-time promise joins a record of equally late ones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 10 * 480 }),
        ageDaysArb,
        ageDaysArb,
        priorArb,
        (count, lateByMinutes, lateAge, keptAge, prior) => {
          const late = Array.from({ length: count }, () =>
            aLateOutcome({ closedAt: daysAgo(lateAge), lateByMinutes }),
          );
          const kept = aKeptOutcome({ closedAt: daysAgo(keptAge) });
          expect(scoreOf([...late, kept], prior, null).score).toBeGreaterThanOrEqual(
            scoreOf(late, prior, null).score - 1e-9,
          );
        },
      ),
    );
  });

  it('ranks an announced miss above a silent one, the rest of the record the same', () => {
    fc.assert(
      fc.property(
        recordArb(),
        missArb,
        ageDaysArb,
        priorArb,
        charterArb,
        (record, miss, age, prior, charter) => {
          const at = { ...miss, closedAt: daysAgo(age) };
          const announced = scoreOf(
            [...record, aMissedOutcome({ ...at, announced: true })],
            prior,
            charter,
          );
          const silent = scoreOf(
            [...record, aMissedOutcome({ ...at, announced: false })],
            prior,
            charter,
          );
          expect(announced.score).toBeGreaterThan(silent.score);
        },
      ),
    );
  });

  it('weighs an old miss less than a recent one: the record whose miss is older scores higher', () => {
    fc.assert(
      fc.property(
        recordArb(),
        missArb,
        ageDaysArb,
        fc.integer({ min: 1, max: 365 }),
        priorArb,
        charterArb,
        (record, miss, recentAge, extraDays, prior, charter) => {
          const recent = aMissedOutcome({ ...miss, closedAt: daysAgo(recentAge) });
          const old = aMissedOutcome({ ...miss, closedAt: daysAgo(recentAge + extraDays) });
          expect(scoreOf([...record, old], prior, charter).score).toBeGreaterThan(
            scoreOf([...record, recent], prior, charter).score,
          );
        },
      ),
    );
  });

  it('scores steady lateness above erratic lateness with the same average', () => {
    fc.assert(
      fc.property(
        recordArb(),
        fc.array(fc.integer({ min: 0, max: 10 * 480 }), { minLength: 2, maxLength: 8 }),
        ageDaysArb,
        importanceArb,
        fc.boolean(),
        priorArb,
        charterArb,
        (record, latenesses, age, importance, announced, prior, charter) => {
          fc.pre(new Set(latenesses).size > 1);
          const mean = latenesses.reduce((sum, minutes) => sum + minutes, 0) / latenesses.length;
          const late = (lateByMinutes: number) =>
            aLateOutcome({ closedAt: daysAgo(age), importance, announced, lateByMinutes });
          const erratic = scoreOf([...record, ...latenesses.map(late)], prior, charter);
          const steady = scoreOf([...record, ...latenesses.map(() => late(mean))], prior, charter);
          expect(steady.score).toBeGreaterThan(erratic.score);
          // Reliability alone is indifferent: lateness blame is linear, so equal on average.
          expect(steady.reliability.mean).toBeCloseTo(erratic.reliability.mean, 12);
        },
      ),
    );
  });

  it('stays within 0–100, inside its interval', () => {
    fc.assert(
      fc.property(recordArb(), priorArb, charterArb, (record, prior, charter) => {
        const score = scoreOf(record, prior, charter);
        expect(score.interval.low).toBeGreaterThanOrEqual(0);
        expect(score.interval.high).toBeLessThanOrEqual(100);
        expect(score.interval.low).toBeLessThanOrEqual(score.score);
        expect(score.score).toBeLessThanOrEqual(score.interval.high);
      }),
    );
  });
});
