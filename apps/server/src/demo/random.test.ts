import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(43)).not.toEqual(draw(42));
  });

  it('keeps whole numbers within both ends and reaches each of them', () => {
    const random = createRandom(1);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('picks by weight and never picks a weight of zero', () => {
    const random = createRandom(2);
    const picks = Array.from({ length: 4000 }, () =>
      random.weighted([
        ['often', 3],
        ['rarely', 1],
        ['never', 0],
      ] as const),
    );
    const often = picks.filter((pick) => pick === 'often').length;
    expect(picks).not.toContain('never');
    expect(often / picks.length).toBeGreaterThan(0.7);
    expect(often / picks.length).toBeLessThan(0.8);
  });

  it('samples a normal distribution with the mean and spread asked for', () => {
    const random = createRandom(3);
    const samples = Array.from({ length: 5000 }, () => random.normal(10, 2));
    const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
    const variance = samples.reduce((sum, x) => sum + (x - mean) ** 2, 0) / samples.length;
    expect(mean).toBeCloseTo(10, 0);
    expect(Math.sqrt(variance)).toBeGreaterThan(1.8);
    expect(Math.sqrt(variance)).toBeLessThan(2.2);
  });

  it('shuffles into a reordering of the same items', () => {
    const random = createRandom(4);
    const items = Array.from({ length: 20 }, (_, index) => index);
    const shuffled = random.shuffle(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
  });

  it('refuses to pick from nothing', () => {
    expect(() => createRandom(5).pick([])).toThrow();
  });
});
