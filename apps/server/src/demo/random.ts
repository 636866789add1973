/**
 * A small seeded source of randomness, so the demo data is the same on every machine for a
 * given seed. mulberry32: 32 bits of state, good enough spread for picking names and times.
 */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** A number in [min, max). */
  between(min: number, max: number): number;
  /** A whole number in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of the entries, each as likely as its weight (weights need not sum to 1). */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A normally distributed sample (Box–Muller). */
  normal(mean: number, standardDeviation: number): number;
  /** A copy of `items` in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;

  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  function int(min: number, max: number): number {
    return min + Math.floor(next() * (max - min + 1));
  }

  function pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('Cannot pick from an empty list.');
    return item;
  }

  function weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + Math.max(0, weight), 0);
    let remaining = next() * total;
    for (const [value, weight] of entries) {
      remaining -= Math.max(0, weight);
      if (remaining < 0) return value;
    }
    const last = entries.at(-1);
    if (last === undefined) throw new Error('Cannot pick from an empty list.');
    return last[0];
  }

  function normal(mean: number, standardDeviation: number): number {
    // 1 - next() lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    return mean + standardDeviation * radius * Math.cos(2 * Math.PI * next());
  }

  function shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = int(0, i);
      // Both indices lie within the copy, so neither read is a hole.
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  return {
    next,
    between: (min, max) => min + next() * (max - min),
    int,
    chance: (p) => next() < p,
    pick,
    weighted,
    normal,
    shuffle,
  };
}
