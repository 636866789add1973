import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aKeptOutcome,
  aLateOutcome,
  aMissedOutcome,
  daysAgo,
  outcomeOf,
  recordArb,
} from '../__tests__/outcome-builders.ts';
import { aMadePromise, daysAfter, NOW } from '../__tests__/promise-builders.ts';
import {
  addOutcome,
  combineEvidence,
  decayEvidence,
  emptyEvidence,
  evidenceFromOutcomes,
  type TrustEvidence,
} from './trust-evidence.ts';
import { defaultTrustSettings as settings } from './trust-settings.ts';

const HALF_LIFE = settings.halfLifeDays;

function expectSameEvidence(actual: TrustEvidence, expected: TrustEvidence): void {
  expect(actual.asOf).toBe(expected.asOf);
  expect(actual.counts).toEqual(expected.counts);
  for (const key of [
    'positive',
    'negative',
    'deliveredWeight',
    'latenessSum',
    'latenessSquaredSum',
    'announcedSlipWeight',
    'silentSlipWeight',
    'announcedSlips',
    'slips',
    'outcomes',
  ] as const) {
    const tolerance = 1e-9 * Math.max(1, Math.abs(expected[key]));
    expect(Math.abs(actual[key] - expected[key]), key).toBeLessThanOrEqual(tolerance);
  }
}

describe('trust evidence', () => {
  it('starts empty, valid at whatever instant it is first decayed to', () => {
    const empty = emptyEvidence();
    expect(empty.asOf).toBeNull();
    expect(decayEvidence(empty, NOW, HALF_LIFE)).toMatchObject({ asOf: NOW, positive: 0 });
  });

  it('halves every decayed sum after one half-life, and keeps the slip record as it was', () => {
    const evidence = addOutcome(
      addOutcome(emptyEvidence(), aLateOutcome({ closedAt: NOW, lateByMinutes: 480 }), settings),
      aMissedOutcome({ closedAt: NOW }),
      settings,
    );
    const later = decayEvidence(evidence, daysAfter(NOW, HALF_LIFE), HALF_LIFE);
    expect(later.positive).toBeCloseTo(evidence.positive / 2, 12);
    expect(later.negative).toBeCloseTo(evidence.negative / 2, 12);
    expect(later.latenessSquaredSum).toBeCloseTo(evidence.latenessSquaredSum / 2, 6);
    expect(later.silentSlipWeight).toBe(2);
    expect(later.slips).toBe(2);
  });

  it('never grows younger: decaying to an earlier instant leaves it as it is', () => {
    const evidence = addOutcome(emptyEvidence(), aKeptOutcome({ closedAt: NOW }), settings);
    expect(decayEvidence(evidence, daysAgo(10), HALF_LIFE)).toBe(evidence);
  });

  it('adds an outcome closed before its instant already decayed by its age', () => {
    const recent = addOutcome(emptyEvidence(), aKeptOutcome({ closedAt: NOW }), settings);
    const withOld = addOutcome(recent, aKeptOutcome({ closedAt: daysAgo(HALF_LIFE) }), settings);
    expect(withOld.asOf).toBe(NOW);
    expect(withOld.positive).toBeCloseTo(1.5, 12);
    expect(withOld.outcomes).toBe(2);
  });

  it('moves forward to the closing of a later outcome before adding it', () => {
    const old = addOutcome(
      emptyEvidence(),
      aKeptOutcome({ closedAt: daysAgo(HALF_LIFE) }),
      settings,
    );
    const both = addOutcome(old, aKeptOutcome({ closedAt: NOW }), settings);
    expect(both.asOf).toBe(NOW);
    expect(both.positive).toBeCloseTo(1.5, 12);
  });

  it('takes nothing from a promise still open', () => {
    const evidence = emptyEvidence();
    expect(addOutcome(evidence, outcomeOf(aMadePromise()), settings)).toBe(evidence);
  });

  it("combines two accounts' evidence by decaying both to the later instant and summing", () => {
    const a = addOutcome(emptyEvidence(), aKeptOutcome({ closedAt: daysAgo(HALF_LIFE) }), settings);
    const b = addOutcome(emptyEvidence(), aMissedOutcome({ closedAt: NOW }), settings);
    const both = combineEvidence(a, b, HALF_LIFE);
    expect(both).toMatchObject({ asOf: NOW, positive: 0.5, negative: 1, outcomes: 2 });
    expect(combineEvidence(emptyEvidence(), emptyEvidence(), HALF_LIFE)).toEqual(emptyEvidence());
  });

  it('is the same whether built at once or one outcome at a time, in any order', () => {
    fc.assert(
      fc.property(recordArb(), fc.infiniteStream(fc.nat()), (record, keys) => {
        const shuffled = record
          .map((outcome) => ({ outcome, key: keys.next().value }))
          .sort((x, y) => x.key - y.key)
          .map(({ outcome }) => outcome);
        const folded = shuffled.reduce(
          (evidence, outcome) => addOutcome(evidence, outcome, settings),
          emptyEvidence(),
        );
        expectSameEvidence(
          decayEvidence(folded, NOW, HALF_LIFE),
          evidenceFromOutcomes(record, NOW, settings),
        );
      }),
    );
  });

  it("of a team equals its accounts' evidence combined", () => {
    fc.assert(
      fc.property(recordArb(), recordArb(), (first, second) => {
        const combined = combineEvidence(
          evidenceFromOutcomes(first, NOW, settings),
          evidenceFromOutcomes(second, NOW, settings),
          HALF_LIFE,
        );
        expectSameEvidence(combined, evidenceFromOutcomes([...first, ...second], NOW, settings));
      }),
    );
  });
});
