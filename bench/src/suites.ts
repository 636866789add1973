import type { BenchSuite } from './figure.ts';
import { apiOverhead } from './suites/api-overhead.ts';
import { dashboardsSuite } from './suites/dashboards.ts';

/** Every suite `pnpm bench` runs, in order. */
export const suites: BenchSuite[] = [dashboardsSuite, apiOverhead];
