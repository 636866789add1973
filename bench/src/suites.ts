import type { BenchSuite } from './figure.ts';
import { apiOverhead } from './suites/api-overhead.ts';
import { dashboardsSuite } from './suites/dashboards.ts';
import { ingestSuite } from './suites/ingest.ts';
import { webLoad } from './suites/web-load.ts';

/** Every suite `pnpm bench` runs, in order. */
export const suites: BenchSuite[] = [dashboardsSuite, ingestSuite, apiOverhead, webLoad];
