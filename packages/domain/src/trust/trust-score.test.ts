import { describe, expect, it } from 'vitest';
import {
  aCancelledOutcome,
  aKeptOutcome,
  aLateOutcome,
  aMissedOutcome,
  aReleasedOutcome,
  aRenegotiatedKeptOutcome,
  daysAgo,
} from '../__tests__/outcome-builders.ts';
import { NOW } from '../__tests__/promise-builders.ts';
import type { ClosedOutcome } from '../outcome/promise-outcome.ts';
import { DomainError } from '../shared/domain-error.ts';
import { emptyEvidence, evidenceFromOutcomes } from './trust-evidence.ts';
import { trustScore } from './trust-score.ts';
import { defaultTrustSettings as settings } from './trust-settings.ts';

const prior = { typicalReliability: 0.85 };

function scoreOf(record: ClosedOutcome[], charterCompliance: number | null = null) {
  return trustScore(evidenceFromOutcomes(record, NOW, settings), {
    prior,
    settings,
    now: NOW,
    charterCompliance,
  });
}

const kept = (count: number) =>
  Array.from({ length: count }, (_, index) => aKeptOutcome({ closedAt: daysAgo(index + 1) }));

describe('a new account', () => {
  it("starts at the company's typical reliability, with a wide interval, not at 50", () => {
    const score = trustScore(emptyEvidence(), { prior, settings, now: NOW });
    expect(score.score).toBeCloseTo(85, 10);
    expect(score.interval.low).toBeLessThan(50);
    expect(score.interval.high).toBeGreaterThan(99);
    expect(score.components.map((component) => component.name)).toEqual(['reliability']);
    expect(score.notCounted.map((part) => part.name)).toEqual([
      'consistency',
      'proactivity',
      'charter',
    ]);
    expect(score.components[0]?.explanation).toContain('No closed promises yet');
  });

  it('narrows its interval as promises are kept', () => {
    const fresh = scoreOf([]);
    const proven = scoreOf(kept(20));
    expect(proven.interval.high - proven.interval.low).toBeLessThan(
      (fresh.interval.high - fresh.interval.low) / 4,
    );
    expect(proven.score).toBeGreaterThan(fresh.score);
  });
});

describe('the breakdown', () => {
  it('shows weights summing to 1 and contributions summing to the score', () => {
    const score = scoreOf(
      [...kept(6), aLateOutcome({ announced: true }), aMissedOutcome({ closedAt: daysAgo(20) })],
      0.9,
    );
    const weights = score.components.reduce((sum, component) => sum + component.weight, 0);
    const points = score.components.reduce((sum, component) => sum + component.contribution, 0);
    expect(weights).toBeCloseTo(1, 12);
    expect(points).toBeCloseTo(score.score, 10);
    expect(score.interval.low).toBeLessThan(score.score);
    expect(score.interval.high).toBeGreaterThan(score.score);
  });

  it('says in plain words how many slips were announced early', () => {
    const score = scoreOf([
      ...kept(3),
      aLateOutcome({ announced: true }),
      aRenegotiatedKeptOutcome({ announced: true }),
      aMissedOutcome({ announced: true }),
      aMissedOutcome({ announced: false }),
    ]);
    const proactivity = score.components.find((component) => component.name === 'proactivity');
    expect(proactivity?.explanation).toContain('3 of 4 slips were announced');
    expect(proactivity?.value).toBeCloseTo((3 + 2 * 0.5) / (4 + 2), 12);
  });

  it('says what was kept and what was not', () => {
    const score = scoreOf([...kept(9), aLateOutcome(), aMissedOutcome()]);
    expect(score.components[0]?.explanation).toMatch(
      /^9 of 11 closed promises kept on time or early; 1 late, 1 missed\./,
    );
  });

  it('says how late deliveries ran', () => {
    const score = scoreOf([...kept(2), aLateOutcome({ lateByMinutes: 240 })]);
    const consistency = score.components.find((component) => component.name === 'consistency');
    expect(consistency?.explanation).toContain('late on average');
  });

  it('counts charter compliance only where a charter exists', () => {
    const without = scoreOf(kept(5));
    const withCharter = scoreOf(kept(5), 0.5);
    expect(without.components.some((component) => component.name === 'charter')).toBe(false);
    expect(withCharter.components.find((component) => component.name === 'charter')?.value).toBe(
      0.5,
    );
    expect(withCharter.score).toBeLessThan(without.score);
  });

  it('refuses a prior or a charter compliance that is not a share', () => {
    const evidence = emptyEvidence();
    expect(() =>
      trustScore(evidence, { prior: { typicalReliability: 1 }, settings, now: NOW }),
    ).toThrow(DomainError);
    expect(() =>
      trustScore(evidence, { prior, settings, now: NOW, charterCompliance: 1.2 }),
    ).toThrow(/between 0 and 1/);
  });
});

describe('the rules', () => {
  const history = [...kept(8), aLateOutcome({ closedAt: daysAgo(30), lateByMinutes: 600 })];

  it('a kept promise raises the score', () => {
    expect(scoreOf([...history, aKeptOutcome()]).score).toBeGreaterThan(scoreOf(history).score);
  });

  it('an on-time promise added to uniformly late ones does not lower the score', () => {
    const late = Array.from({ length: 12 }, () =>
      aLateOutcome({ closedAt: daysAgo(1), lateByMinutes: 1440 }),
    );
    const keptLongAgo = aKeptOutcome({ closedAt: daysAgo(700) });
    expect(scoreOf([...late, keptLongAgo]).score).toBeGreaterThan(scoreOf(late).score);
  });

  it('a late delivery costs more, the later it is, and less than a miss when not too late', () => {
    const dayLate = scoreOf([...history, aLateOutcome({ lateByMinutes: 480 })]).score;
    const weekLate = scoreOf([...history, aLateOutcome({ lateByMinutes: 2400 })]).score;
    const missed = scoreOf([...history, aMissedOutcome()]).score;
    expect(scoreOf([...history, aKeptOutcome()]).score).toBeGreaterThan(dayLate);
    expect(dayLate).toBeGreaterThan(weekLate);
    expect(dayLate).toBeGreaterThan(missed);
  });

  it('a renegotiation announced early and kept costs little, less than a silent one', () => {
    const base = scoreOf(history).score;
    const announced = scoreOf([...history, aRenegotiatedKeptOutcome({ announced: true })]).score;
    const silent = scoreOf([...history, aRenegotiatedKeptOutcome({ announced: false })]).score;
    expect(announced).toBeGreaterThan(silent);
    expect(base - announced).toBeLessThan(2);
  });

  it('an announced miss scores above a silent miss', () => {
    expect(scoreOf([...history, aMissedOutcome({ announced: true })]).score).toBeGreaterThan(
      scoreOf([...history, aMissedOutcome({ announced: false })]).score,
    );
  });

  it('an old miss weighs less than a recent one', () => {
    expect(scoreOf([...history, aMissedOutcome({ closedAt: daysAgo(400) })]).score).toBeGreaterThan(
      scoreOf([...history, aMissedOutcome({ closedAt: daysAgo(2) })]).score,
    );
  });

  it('steady lateness scores above erratic lateness with the same average', () => {
    const steady = [240, 240, 240, 240].map((lateByMinutes) =>
      aLateOutcome({ closedAt: daysAgo(3), lateByMinutes }),
    );
    const erratic = [0, 60, 60, 840].map((lateByMinutes) =>
      aLateOutcome({ closedAt: daysAgo(3), lateByMinutes }),
    );
    expect(scoreOf([...history, ...steady]).score).toBeGreaterThan(
      scoreOf([...history, ...erratic]).score,
    );
  });

  it('a release in time leaves the score as it was', () => {
    expect(scoreOf([...history, aReleasedOutcome()]).score).toBeCloseTo(scoreOf(history).score, 10);
  });

  it('a cancellation in time costs something, but less than a miss', () => {
    const cancelled = scoreOf([...history, aCancelledOutcome()]).score;
    expect(cancelled).toBeLessThan(scoreOf(history).score);
    expect(cancelled).toBeGreaterThan(scoreOf([...history, aMissedOutcome()]).score);
  });

  it('forgets: a record of misses long ago drifts back towards the typical reliability', () => {
    const misses = [1, 2, 3].map((day) => aMissedOutcome({ closedAt: daysAgo(day) }));
    const today = scoreOf(misses).reliability.mean;
    const evidence = evidenceFromOutcomes(misses, NOW, settings);
    const threeYearsOn = trustScore(evidence, {
      prior,
      settings,
      now: new Date(Date.parse(NOW) + 3 * 365 * 24 * 3600 * 1000).toISOString(),
    });
    expect(threeYearsOn.reliability.mean).toBeGreaterThan(today + 0.2);
    expect(threeYearsOn.reliability.mean).toBeLessThan(0.85);
  });
});
