import type { Db } from '../schema/database.ts';
import { rebuildAccountLastTouches } from './account-last-touches.queries.ts';
import { rebuildOwnerEffortDays } from './attention-rollups.queries.ts';
import { rebuildKindOutcomeDays } from './kind-outcome-days.queries.ts';
import { rebuildTrustContributionDays } from './trust-contribution-days.queries.ts';

/**
 * Rebuilds every rollup the leadership dashboards read from its base rows. The write path keeps
 * them in step; call this after anything that wrote promises or trust contributions around it
 * (a bulk load such as the benchmark's history generator).
 */
export async function rebuildDashboardRollups(db: Db): Promise<void> {
  await rebuildKindOutcomeDays(db);
  await rebuildTrustContributionDays(db);
  await rebuildAccountLastTouches(db);
  await rebuildOwnerEffortDays(db);
}
