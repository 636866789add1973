import { describe, expect, it } from 'vitest';
import { seededRandom } from '../__tests__/survival-builders.ts';
import type { PromiseKind } from '../promise/promise-terms.ts';
import { brierScores, brierSkill, type ScoredProbability } from './brier-score.ts';

/** `n` promises of a kind kept with probability `rate` (seeded), each forecast by `forecaster`. */
function history(options: {
  n: number;
  rate: number;
  seed: number;
  kind?: PromiseKind;
  forecaster: (truth: { chance: number; outcome: 0 | 1 }) => number;
  chanceOf?: (random: () => number) => number;
}): ScoredProbability[] {
  const random = seededRandom(options.seed);
  return Array.from({ length: options.n }, () => {
    const chance = options.chanceOf ? options.chanceOf(random) : options.rate;
    const outcome = random() < chance ? 1 : 0;
    return {
      kind: options.kind ?? 'delivery',
      probability: options.forecaster({ chance, outcome }),
      outcome,
      madeAfterDue: false,
    };
  });
}

const baseline = (report: ReturnType<typeof brierScores>, name: 'base_rate' | 'past_due') =>
  report.overall.baselines.find((b) => b.name === name);

describe('the Brier score of risk probabilities', () => {
  it('is 0 for a perfect forecaster, whose skill is 1', () => {
    const perfect = history({ n: 500, rate: 0.7, seed: 1, forecaster: ({ outcome }) => outcome });
    const report = brierScores(perfect);
    expect(report.overall.brierScore).toBe(0);
    expect(baseline(report, 'base_rate')?.skill).toBe(1);
  });

  it('is 0.25 for a useless constant-0.5 forecaster, whatever happens', () => {
    for (const rate of [0.1, 0.5, 0.9]) {
      const useless = history({ n: 500, rate, seed: 2, forecaster: () => 0.5 });
      expect(brierScores(useless).overall.brierScore).toBeCloseTo(0.25, 12);
    }
  });

  it('scores the constant 0.5 worse than the base rate when the base rate is far from 0.5', () => {
    const report = brierScores(history({ n: 1000, rate: 0.9, seed: 3, forecaster: () => 0.5 }));
    const ref = baseline(report, 'base_rate');
    const rate = report.overall.baseRate ?? Number.NaN;
    expect(rate).toBeGreaterThan(0.85);
    // The base-rate forecaster scores ō(1 − ō) ≈ 0.09, far better than 0.25.
    expect(ref?.score).toBeCloseTo(rate * (1 - rate), 12);
    expect(ref?.skill).toBeLessThan(-1.5);
  });

  it('gives a calibrated forecaster with real discrimination positive skill over the base rate', () => {
    // Each promise's true chance is uniform on (0, 1) and the forecaster knows it: BS → 1/6,
    // against ≈ 1/4 for the base rate (≈ 0.5): skill ≈ 1/3.
    const sharp = history({
      n: 4000,
      rate: 0.5,
      seed: 4,
      chanceOf: (random) => random(),
      forecaster: ({ chance }) => chance,
    });
    const report = brierScores(sharp);
    expect(report.overall.brierScore).toBeCloseTo(1 / 6, 1);
    expect(baseline(report, 'base_rate')?.skill).toBeGreaterThan(0.25);
  });

  it('sets "at risk once past due" to 0 for forecasts made after the due, else to the base rate', () => {
    const items: ScoredProbability[] = [
      { kind: 'delivery', probability: 0.9, outcome: 1, madeAfterDue: false },
      { kind: 'delivery', probability: 0.6, outcome: 1, madeAfterDue: false },
      { kind: 'delivery', probability: 0.3, outcome: 0, madeAfterDue: false },
      { kind: 'delivery', probability: 0, outcome: 0, madeAfterDue: true },
    ];
    const report = brierScores(items);
    // ō = 2/4; BS = (0.01 + 0.16 + 0.09 + 0) / 4 = 0.065.
    expect(report.overall.baseRate).toBe(0.5);
    expect(report.overall.brierScore).toBeCloseTo(0.065, 12);
    expect(baseline(report, 'base_rate')?.score).toBeCloseTo(0.25, 12);
    // past due: 0.5, 0.5, 0.5 then 0 → (0.25 + 0.25 + 0.25 + 0) / 4 = 0.1875.
    expect(baseline(report, 'past_due')?.score).toBeCloseTo(0.1875, 12);
    expect(baseline(report, 'past_due')?.skill).toBeCloseTo(1 - 0.065 / 0.1875, 12);
  });

  it("measures the overall baseline with each forecast's own kind's base rate", () => {
    const items: ScoredProbability[] = [
      { kind: 'delivery', probability: 1, outcome: 1, madeAfterDue: null },
      { kind: 'delivery', probability: 1, outcome: 1, madeAfterDue: null },
      { kind: 'fix', probability: 0, outcome: 0, madeAfterDue: null },
      { kind: 'fix', probability: 0, outcome: 0, madeAfterDue: null },
    ];
    const report = brierScores(items);
    // Each kind's base rate is exact (1 and 0): the baseline is perfect, so no skill is defined,
    // although the pooled base rate of 0.5 would have scored 0.25.
    expect(baseline(report, 'base_rate')).toEqual({ name: 'base_rate', score: 0, skill: null });
    expect(report.overall.baselines.map((b) => b.name)).toEqual(['base_rate']);
    expect(report.byKind.map((row) => [row.kind, row.n, row.baseRate])).toEqual([
      ['delivery', 2, 1],
      ['fix', 2, 0],
    ]);
  });

  it('has no score when nothing was resolved', () => {
    expect(brierScores([]).overall).toEqual({
      kind: null,
      n: 0,
      brierScore: null,
      baseRate: null,
      baselines: [],
    });
  });

  it('defines skill as 1 − BS / BS_ref', () => {
    expect(brierSkill(0.05, 0.2)).toBeCloseTo(0.75, 12);
    expect(brierSkill(0.3, 0.2)).toBeCloseTo(-0.5, 12);
    expect(brierSkill(0, 0)).toBeNull();
  });
});
