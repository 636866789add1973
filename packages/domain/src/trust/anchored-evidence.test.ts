import { describe, expect, it } from 'vitest';
import { aKeptOutcome, aLateOutcome, aMissedOutcome } from '../__tests__/outcome-builders.ts';
import { anchoredContribution, evidenceAnchor, evidenceWithout } from './anchored-evidence.ts';
import { combineEvidence, decayEvidence, evidenceFromOutcomes } from './trust-evidence.ts';
import { defaultTrustSettings } from './trust-settings.ts';

describe('evidence stored at the anchor', () => {
  it('sums to the same evidence as folding outcomes, once decayed to now', () => {
    const outcomes = [
      aKeptOutcome({ closedAt: '2025-03-01T10:00:00.000Z' }),
      aLateOutcome({ closedAt: '2026-02-01T10:00:00.000Z', lateByMinutes: 600 }),
      aMissedOutcome({ closedAt: '2026-06-15T10:00:00.000Z', announced: true }),
    ];
    const now = '2026-11-24T10:00:00.000Z';
    const settings = defaultTrustSettings;
    let stored = null;
    // Added in any order, as concurrent writers would.
    for (const outcome of [outcomes[2], outcomes[0], outcomes[1]]) {
      if (outcome === undefined) continue;
      const contribution = anchoredContribution(outcome, settings);
      if (contribution === null) throw new Error('closed outcomes contribute');
      stored =
        stored === null
          ? contribution
          : combineEvidence(stored, contribution, settings.halfLifeDays);
    }
    if (stored === null) throw new Error('expected evidence');
    expect(stored.asOf).toBe(evidenceAnchor);

    const read = decayEvidence(stored, now, settings.halfLifeDays);
    const folded = decayEvidence(
      evidenceFromOutcomes(outcomes, now, settings),
      now,
      settings.halfLifeDays,
    );
    for (const field of [
      'positive',
      'negative',
      'deliveredWeight',
      'latenessSum',
      'latenessSquaredSum',
      'announcedSlipWeight',
      'silentSlipWeight',
    ] as const) {
      expect(read[field]).toBeCloseTo(folded[field], 9);
    }
    expect(read.counts).toEqual(folded.counts);
  });

  it('gives back the evidence as it was before some closings, exactly', () => {
    const settings = defaultTrustSettings;
    const kept = anchoredContribution(
      aKeptOutcome({ closedAt: '2025-03-01T10:00:00.000Z' }),
      settings,
    );
    const missed = anchoredContribution(
      aMissedOutcome({ closedAt: '2026-06-15T10:00:00.000Z' }),
      settings,
    );
    if (kept === null || missed === null) throw new Error('closed outcomes contribute');
    const both = combineEvidence(kept, missed, settings.halfLifeDays);
    const before = evidenceWithout(both, [missed]);
    expect(before.positive).toBeCloseTo(kept.positive, 9);
    expect(before.negative).toBeCloseTo(kept.negative, 9);
    expect(before.counts).toEqual(kept.counts);
    expect(before.outcomes).toBe(1);
  });
});
