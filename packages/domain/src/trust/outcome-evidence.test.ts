import { describe, expect, it } from 'vitest';
import {
  aCancelledOutcome,
  aKeptOutcome,
  aLateOutcome,
  aMissedOutcome,
  anEarlyOutcome,
  aReleasedOutcome,
  aRenegotiatedKeptOutcome,
} from '../__tests__/outcome-builders.ts';
import { outcomeEvidence } from './outcome-evidence.ts';
import { defaultTrustSettings as settings } from './trust-settings.ts';

const evidenceOf = (outcome: Parameters<typeof outcomeEvidence>[0]) =>
  outcomeEvidence(outcome, settings);

describe('the evidence of one outcome', () => {
  it('is fully positive for a promise kept on time or early', () => {
    expect(evidenceOf(aKeptOutcome())).toMatchObject({ positive: 1, negative: 0, blame: [] });
    expect(evidenceOf(anEarlyOutcome())).toMatchObject({ positive: 1, negative: 0 });
  });

  it('weighs a promise by its importance', () => {
    expect(evidenceOf(aKeptOutcome({ importance: 'low' })).positive).toBe(0.5);
    expect(evidenceOf(aKeptOutcome({ importance: 'critical' })).positive).toBe(3);
    expect(evidenceOf(aMissedOutcome({ importance: 'high' })).negative).toBe(2);
  });

  it('is partly negative for a late delivery, more so the later', () => {
    const dayLate = evidenceOf(aLateOutcome({ lateByMinutes: 480 }));
    const weekLate = evidenceOf(aLateOutcome({ lateByMinutes: 2400 }));
    expect(dayLate).toMatchObject({ positive: 1, negative: 0.2, lateness: 480 });
    expect(weekLate).toMatchObject({ positive: 1, negative: 1 });
  });

  it('blames a barely late delivery barely at all: lateness blame starts from nothing', () => {
    expect(evidenceOf(aLateOutcome({ lateByMinutes: 6 })).negative).toBeCloseTo(0.0025, 10);
  });

  it('halves the blame of a late delivery the customer was told of before the deadline', () => {
    expect(evidenceOf(aLateOutcome({ lateByMinutes: 480, announced: true })).negative).toBe(0.1);
  });

  it('is mostly positive for a promise renegotiated early and then kept', () => {
    expect(evidenceOf(aRenegotiatedKeptOutcome({ announced: true }))).toMatchObject({
      positive: 1,
      negative: 0.2,
      announcedSlips: 1,
      silentSlips: 0,
    });
    expect(evidenceOf(aRenegotiatedKeptOutcome({ announced: false })).negative).toBe(0.4);
  });

  it('blames an announced miss less than a silent one, and gives a miss no credit', () => {
    expect(evidenceOf(aMissedOutcome({ announced: false }))).toMatchObject({
      positive: 0,
      negative: 1,
      silentSlips: 1,
    });
    expect(evidenceOf(aMissedOutcome({ announced: true }))).toMatchObject({
      positive: 0,
      negative: 0.5,
      announcedSlips: 1,
    });
  });

  it('blames a miss the more, the longer the customer waited before it was called', () => {
    expect(evidenceOf(aMissedOutcome({ overdueByMinutes: 2400 })).negative).toBe(2);
  });

  it('softens a miss after a part was delivered, which is still a miss', () => {
    expect(evidenceOf(aMissedOutcome({ partlyDelivered: true }))).toMatchObject({
      positive: 0,
      negative: 0.75,
    });
  });

  it('is neutral for a promise the customer released us from in time', () => {
    expect(evidenceOf(aReleasedOutcome())).toMatchObject({ positive: 0, negative: 0, blame: [] });
  });

  it('is mildly negative for a promise we cancelled in time', () => {
    expect(evidenceOf(aCancelledOutcome())).toMatchObject({ positive: 0, negative: 0.3 });
  });

  it('scores a release or cancellation after the deadline had passed as the miss it was', () => {
    const overdue = 1440 / 2400;
    expect(evidenceOf(aReleasedOutcome({ afterDeadline: true })).negative).toBeCloseTo(1 + overdue);
    expect(evidenceOf(aCancelledOutcome({ afterDeadline: true })).negative).toBeCloseTo(
      1 + overdue,
    );
  });

  it('counts only delivered promises for consistency', () => {
    expect(evidenceOf(aLateOutcome()).delivered).toBe(true);
    expect(evidenceOf(aRenegotiatedKeptOutcome()).delivered).toBe(true);
    expect(evidenceOf(aMissedOutcome()).delivered).toBe(false);
  });
});
