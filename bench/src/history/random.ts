/**
 * A small seeded generator (sfc32): the same seed gives the same history on every machine, which
 * is what makes a cached store reusable and a benchmark comparable from run to run.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of the items, with the given weights (need not sum to 1). */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Roughly normal (mean 0, sd 1), from the sum of three uniforms: cheap and bounded. */
  normal(): number;
  /** 32 random bits as an unsigned integer. */
  uint32(): number;
  /** A generator of its own, seeded from this one: streams that do not disturb each other. */
  fork(salt: number): Random;
}

export function createRandom(seed: number): Random {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ Math.imul(seed, 0x85ebca6b);
  let c = 0xb7e15162;
  let d = 1;
  const uint32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) uint32();
  const next = () => uint32() / 4_294_967_296;
  const random: Random = {
    next,
    uint32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      let total = 0;
      for (const [, weight] of items) total += weight;
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      const last = items[items.length - 1];
      if (last === undefined) throw new Error('weighted pick from an empty list');
      return last[0];
    },
    normal: () => (next() + next() + next() - 1.5) * 2,
    fork: (salt) => createRandom((uint32() ^ Math.imul(salt + 1, 0x9e3779b1)) | 0),
  };
  return random;
}
