import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aKeptOutcome,
  aLateOutcome,
  aMissedOutcome,
  closedOutcomeArb,
} from '../__tests__/outcome-builders.ts';
import type { ClosedOutcome } from '../outcome/promise-outcome.ts';
import { DomainError } from '../shared/domain-error.ts';
import { anchoredContribution } from '../trust/anchored-evidence.ts';
import {
  combineEvidence,
  emptyEvidence,
  evidenceFromOutcomes,
  type TrustEvidence,
} from '../trust/trust-evidence.ts';
import { defaultTrustSettings as settings } from '../trust/trust-settings.ts';
import { type ClosedContribution, traceScoreChange } from './score-trace.ts';

const prior = { typicalReliability: 0.85 };
const DAY_MS = 24 * 60 * 60 * 1000;
const daysBefore = (instant: string, days: number) =>
  new Date(Date.parse(instant) - days * DAY_MS).toISOString();

/** The evidence as the database stores it: every closed outcome's anchored contribution, summed. */
function stored(outcomes: readonly ClosedOutcome[]): TrustEvidence {
  return outcomes.reduce(
    (evidence, outcome) =>
      combineEvidence(evidence, contributionOf(outcome), settings.halfLifeDays),
    emptyEvidence(),
  );
}

function contributionOf(outcome: ClosedOutcome): TrustEvidence {
  const contribution = anchoredContribution(outcome, settings);
  if (contribution === null) throw new Error('a closed outcome always contributes');
  return contribution;
}

function closedBetween(outcome: ClosedOutcome, title: string | null = null): ClosedContribution {
  return {
    promiseId: outcome.promiseId,
    title,
    outcomeKind: outcome.kind,
    closedAt: outcome.closedAt,
    contribution: contributionOf(outcome),
  };
}

// Northwind: ten deliveries kept on time over the last two months, and one delivered a business
// day late in February, announced in time. Daily snapshots at noon.
const BEFORE = '2026-03-19T12:00:00.000Z';
const AFTER = '2026-03-20T12:00:00.000Z';
const record: ClosedOutcome[] = [
  ...Array.from({ length: 10 }, (_, i) =>
    aKeptOutcome({ closedAt: daysBefore('2026-03-01T12:00:00.000Z', 6 * i) }),
  ),
  aLateOutcome({ closedAt: '2026-02-10T12:00:00.000Z', announced: true, lateByMinutes: 480 }),
];
// Between the snapshots, a delivery is recorded missed at its deadline, the customer not told.
const silentMiss = aMissedOutcome({ closedAt: '2026-03-19T15:00:00.000Z', announced: false });

describe('the trace of a score change', () => {
  it('names the event that caused it: one silent miss accounts for nearly all of an 8-point drop', () => {
    const trace = traceScoreChange({
      before: { at: BEFORE, evidence: stored(record) },
      after: { at: AFTER, evidence: stored([...record, silentMiss]) },
      closed: [closedBetween(silentMiss, 'Ship the replacement pump')],
      prior,
      settings,
    });

    expect(trace.change).toBeCloseTo(-8, 0);
    expect(trace.events).toHaveLength(1);
    const [miss] = trace.events;
    expect(miss).toMatchObject({ promiseId: silentMiss.promiseId, outcomeKind: 'missed' });
    expect((miss?.points ?? 0) / trace.change).toBeGreaterThan(0.95);
    expect(Math.abs(trace.aging)).toBeLessThan(0.3);
    expect(trace.unexplained).toBeCloseTo(0, 9);
    expect(trace.explanation).toBe(
      'Fell 8.0 points, from 88.8 to 80.8 between 2026-03-19 and 2026-03-20: −8.0 from ' +
        '"Ship the replacement pump" missed, not announced to the customer in time (closed 2026-03-19).',
    );
  });

  it('gives the same trace from evidence decayed to each snapshot as from the stored sums', () => {
    const fromStored = traceScoreChange({
      before: { at: BEFORE, evidence: stored(record) },
      after: { at: AFTER, evidence: stored([...record, silentMiss]) },
      closed: [closedBetween(silentMiss)],
      prior,
      settings,
    });
    const fromDecayed = traceScoreChange({
      before: { at: BEFORE, evidence: evidenceFromOutcomes(record, BEFORE, settings) },
      after: {
        at: AFTER,
        evidence: evidenceFromOutcomes([...record, silentMiss], AFTER, settings),
      },
      closed: [closedBetween(silentMiss)],
      prior,
      settings,
    });
    expect(fromDecayed.change).toBeCloseTo(fromStored.change, 9);
    expect(fromDecayed.events[0]?.points).toBeCloseTo(fromStored.events[0]?.points ?? 0, 9);
    expect(fromDecayed.unexplained).toBeCloseTo(0, 9);
  });

  it('puts the whole change on the ageing record when nothing closed in between', () => {
    // An account whose only record is an old miss drifts back towards the typical reliability.
    const oldMiss = aMissedOutcome({ closedAt: '2025-12-01T12:00:00.000Z' });
    const trace = traceScoreChange({
      before: { at: '2026-01-01T12:00:00.000Z', evidence: stored([oldMiss]) },
      after: { at: '2026-03-01T12:00:00.000Z', evidence: stored([oldMiss]) },
      closed: [],
      prior,
      settings,
    });
    expect(trace.change).toBeGreaterThan(0);
    expect(trace.aging).toBeCloseTo(trace.change, 12);
    expect(trace.events).toEqual([]);
    expect(trace.explanation).toContain('as the record aged');
  });

  it('lists several outcomes in the order they closed and explains the largest first', () => {
    const kept = aKeptOutcome({ closedAt: '2026-03-19T13:00:00.000Z' });
    const trace = traceScoreChange({
      before: { at: BEFORE, evidence: stored(record) },
      after: { at: AFTER, evidence: stored([...record, kept, silentMiss]) },
      closed: [closedBetween(silentMiss, 'Ship the pump'), closedBetween(kept, 'Send the quote')],
      prior,
      settings,
    });
    expect(trace.events.map((event) => event.title)).toEqual(['Send the quote', 'Ship the pump']);
    expect(trace.events[0]?.points).toBeGreaterThan(0);
    expect(trace.explanation.indexOf('Ship the pump')).toBeLessThan(
      trace.explanation.indexOf('Send the quote'),
    );
  });

  it('counts an outcome closed before the first snapshot but recorded after it at that snapshot', () => {
    const backdated = aMissedOutcome({ closedAt: '2026-03-10T12:00:00.000Z' });
    const trace = traceScoreChange({
      before: { at: BEFORE, evidence: stored(record) },
      after: { at: AFTER, evidence: stored([...record, backdated]) },
      closed: [closedBetween(backdated)],
      prior,
      settings,
    });
    expect(trace.events[0]?.countedAt).toBe(BEFORE);
    expect(trace.events[0]?.points).toBeLessThan(0);
    expect(trace.unexplained).toBeCloseTo(0, 9);
  });

  it('keeps what the listed outcomes do not explain apart, and the charter change on its own', () => {
    const trace = traceScoreChange({
      before: { at: BEFORE, evidence: stored(record), charterCompliance: 0.9 },
      after: { at: AFTER, evidence: stored([...record, silentMiss]), charterCompliance: 0.8 },
      closed: [],
      prior,
      settings,
    });
    expect(trace.charter).toBeLessThan(0);
    expect(trace.unexplained).toBeLessThan(-5);
    expect(trace.explanation).toContain('not accounted for by the outcomes listed');
  });

  it('refuses an outcome that closed after the later snapshot', () => {
    const late = aKeptOutcome({ closedAt: '2026-03-21T12:00:00.000Z' });
    expect(() =>
      traceScoreChange({
        before: { at: BEFORE, evidence: stored(record) },
        after: { at: AFTER, evidence: stored(record) },
        closed: [closedBetween(late)],
        prior,
        settings,
      }),
    ).toThrow(DomainError);
  });
});

describe('score trace properties', () => {
  const split = fc.record({
    earlier: fc.array(closedOutcomeArb, { maxLength: 12 }),
    between: fc.array(closedOutcomeArb, { maxLength: 6 }),
  });
  // closedOutcomeArb closes within two years before the test clock's NOW (2026-03-20 12:00).
  const now = '2026-03-20T12:00:00.000Z';
  const start = '2024-03-01T00:00:00.000Z';

  it('adds its parts up to the change, exactly', () => {
    fc.assert(
      fc.property(split, ({ earlier, between }) => {
        const trace = traceScoreChange({
          before: { at: start, evidence: stored(earlier) },
          after: { at: now, evidence: stored([...earlier, ...between]) },
          closed: between.map((outcome) => closedBetween(outcome)),
          prior,
          settings,
        });
        const parts =
          trace.events.reduce((sum, event) => sum + event.points, 0) +
          trace.aging +
          trace.charter +
          trace.unexplained;
        expect(parts).toBeCloseTo(trace.change, 9);
        expect(trace.unexplained).toBeCloseTo(0, 6);
      }),
    );
  });

  it('never shows a kept promise lowering the score', () => {
    fc.assert(
      fc.property(fc.array(closedOutcomeArb, { maxLength: 12 }), (earlier) => {
        const kept = aKeptOutcome({ closedAt: '2026-03-19T12:00:00.000Z' });
        const trace = traceScoreChange({
          before: { at: '2026-03-18T12:00:00.000Z', evidence: stored(earlier) },
          after: { at: now, evidence: stored([...earlier, kept]) },
          closed: [closedBetween(kept)],
          prior,
          settings,
        });
        expect(trace.events[0]?.points).toBeGreaterThanOrEqual(-1e-9);
      }),
    );
  });
});
