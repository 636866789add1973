import {
  type Database,
  type Db,
  enqueueJob,
  findServiceGapSnapshot,
  saveServiceGapSnapshot,
} from '@steadfast/db';
import { type Instant, type ServiceGap, serviceQualityGaps } from '@steadfast/domain';
import type { Kysely } from 'kysely';
import type { JobContext } from '../background/job-kinds.ts';
import { loadAnalyticsSettings } from './analytics-settings.ts';
import { loadServiceGapFacts } from './service-gap-facts.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The window the leader's dashboard opens with: the worker keeps its gaps worked out. */
export const dashboardGapDays = 90;

/** The dashboard names up to this many accounts per gap, worst first; the rest are a page away. */
export const gapAccountsShown = 20;

/** Kept gaps this recent answer the dashboard; older ones (the worker is behind) are worked out anew. */
const freshMs = 2 * HOUR_MS;

export const serviceGapSnapshotJobKind = 'service_gaps_snapshot';

export type Window = { from: Instant; to: Instant };

/** The five service-quality gaps over the `days` up to `now`, every account each names. */
export async function workOutServiceGaps(
  db: Db,
  now: Instant,
  days: number,
): Promise<{ window: Window; gaps: ServiceGap[] }> {
  const window = { from: new Date(Date.parse(now) - days * DAY_MS).toISOString(), to: now };
  const { settings } = await loadAnalyticsSettings(db);
  const facts = await loadServiceGapFacts({ db, settings, now, window });
  return { window, gaps: serviceQualityGaps(facts) };
}

/** What the dashboard shows of the gaps: each with its count of accounts and the first few. */
export function gapSummary(gaps: readonly ServiceGap[]) {
  return gaps.map((gap) => ({
    ...gap,
    accounts: gap.accounts.slice(0, gapAccountsShown),
    accountCount: gap.accounts.length,
  }));
}

export type GapSummary = ReturnType<typeof gapSummary>;
type GapAccounts = Record<string, ServiceGap['accounts']>;

/**
 * The gaps over the dashboard's window, worked out by the worker (hourly) and kept: the dashboard
 * reads them instead of judging every served account's charter on each visit.
 */
export async function snapshotServiceGaps(
  _payload: unknown,
  context: JobContext,
): Promise<{ gaps: number }> {
  const takenAt = context.now();
  const { window, gaps } = await workOutServiceGaps(context.db, takenAt, dashboardGapDays);
  const accounts: GapAccounts = Object.fromEntries(gaps.map((gap) => [gap.area, gap.accounts]));
  await saveServiceGapSnapshot(context.db, {
    days: dashboardGapDays,
    takenAt,
    window,
    summary: JSON.stringify(gapSummary(gaps)),
    accounts: JSON.stringify(accounts),
  });
  return { gaps: gaps.length };
}

/** Schedules this hour's working out once, however many instances schedule it. */
export async function scheduleServiceGapSnapshots(options: {
  db: Kysely<Database>;
  now: Instant;
}): Promise<boolean> {
  return enqueueJob(options.db, {
    id: `${serviceGapSnapshotJobKind}:${options.now.slice(0, 13)}`,
    kind: serviceGapSnapshotJobKind,
    payload: {},
    runAt: options.now,
    now: options.now,
  });
}

async function freshSnapshot(db: Db, now: Instant, days: number, part: 'summary' | 'accounts') {
  if (days !== dashboardGapDays) return undefined;
  const kept = await findServiceGapSnapshot(db, days, part);
  if (kept === undefined) return undefined;
  const age = Date.parse(now) - Date.parse(kept.takenAt);
  return age >= 0 && age <= freshMs ? kept : undefined;
}

/** The dashboard's part of the kept gaps, when they were worked out for `days` at most two hours ago. */
export async function keptGapSummary(
  db: Db,
  now: Instant,
  days: number,
): Promise<{ takenAt: Instant; window: Window; gaps: GapSummary } | undefined> {
  const kept = await freshSnapshot(db, now, days, 'summary');
  return kept && { takenAt: kept.takenAt, window: kept.window, gaps: JSON.parse(kept.json) };
}

/** Every account one kept gap names, when the gaps were worked out for `days` at most two hours ago. */
export async function keptGapAccounts(
  db: Db,
  now: Instant,
  days: number,
): Promise<{ takenAt: Instant; window: Window; accounts: GapAccounts } | undefined> {
  const kept = await freshSnapshot(db, now, days, 'accounts');
  return kept && { takenAt: kept.takenAt, window: kept.window, accounts: JSON.parse(kept.json) };
}
