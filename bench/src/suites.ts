import type { BenchSuite } from './figure.ts';

/** Every suite `pnpm bench` runs, in order. */
export const suites: BenchSuite[] = [];
