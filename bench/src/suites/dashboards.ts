import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  type ApiContext,
  createCaller,
  rebuildObservationVerdicts,
  snapshotServiceGaps,
  snapshotTrustScores,
} from '@steadfast/api';
import {
  type DatabaseHandle,
  migrateToLatest,
  openDatabase,
  rebuildAccountLastTouches,
  rebuildKindOutcomeDays,
  rebuildOwnerEffortDays,
  rebuildTrustContributionDays,
} from '@steadfast/db';
import { sql } from 'kysely';
import type { BenchContext, BenchFigure, BenchSuite, HistoryScale } from '../figure.ts';
import { scaled } from '../figure.ts';
import { benchLeader, HISTORY_NOW } from '../history/fixture.ts';

/** What the leader's portfolio dashboard (and its gaps, attention and charters pages) asks for. */
const dashboardCalls: { name: string; call: (caller: Caller) => Promise<unknown> }[] = [
  { name: 'trust.company', call: (c) => c.trust.company() },
  {
    name: 'trust.ranking account',
    call: (c) => c.trust.ranking({ scope: 'account', order: 'lowest', limit: 500 }),
  },
  {
    name: 'trust.ranking manager',
    call: (c) => c.trust.ranking({ scope: 'manager', order: 'lowest', limit: 500 }),
  },
  {
    name: 'trust.ranking team',
    call: (c) => c.trust.ranking({ scope: 'team', order: 'lowest', limit: 500 }),
  },
  { name: 'portfolio.kindSlips', call: (c) => c.portfolio.kindSlips({ days: 365 }) },
  { name: 'portfolio.trend', call: (c) => c.portfolio.trend({ scope: 'company', months: 12 }) },
  { name: 'portfolio.serviceGaps', call: (c) => c.portfolio.serviceGaps({ days: 90 }) },
  { name: 'portfolio.attention', call: (c) => c.portfolio.attention({ days: 90 }) },
  { name: 'promise.list at_risk', call: (c) => c.promise.list({ view: 'at_risk', limit: 50 }) },
  { name: 'charter.overdueReviews', call: (c) => c.charter.overdueReviews({}) },
  { name: 'request.frictionRanking', call: (c) => c.request.frictionRanking({}) },
];

export type Caller = ReturnType<typeof createCaller>;

/** One of the dashboard calls by name (for profiling it alone). */
export function dashboardCall(name: string): (caller: Caller) => Promise<unknown> {
  const found = dashboardCalls.find((entry) => entry.name === name);
  if (found === undefined)
    throw new Error(`No dashboard call ${name}: ${dashboardCalls.map((c) => c.name).join(', ')}`);
  return found.call;
}

/** At most this many timed calls per procedure and store, or this long, whichever comes first. */
const maxCalls = 200;
const maxMs = 10_000;
const warmUpCalls = 5;
const p95GoalMs = 20;
const p50RatioGoal = 1.5;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

interface Timing {
  p50: number;
  p95: number;
  calls: number;
  max: number;
  /** The answer's size as JSON: a call that returns more rows at 1M than at 100k does more work. */
  answerBytes: number;
}

async function time(call: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < warmUpCalls; i += 1) await call();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < maxCalls && performance.now() - started < maxMs) {
    const before = performance.now();
    await call();
    samples.push(performance.now() - before);
  }
  samples.sort((a, b) => a - b);
  const answerBytes = JSON.stringify(await call()).length;
  return {
    answerBytes,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    calls: samples.length,
    max: samples.at(-1) ?? Number.NaN,
  };
}

/** Rebuilds each dashboard rollup that is empty while its base rows are not; names those rebuilt. */
async function rebuildEmptyRollups(handle: DatabaseHandle): Promise<string[]> {
  const db = handle.db;
  const has = async (
    table:
      | 'kind_outcome_days'
      | 'trust_contribution_days'
      | 'account_last_touches'
      | 'owner_effort_days'
      | 'promises'
      | 'trust_contributions'
      | 'accounts',
  ) => (await db.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).execute()).length > 0;
  const rebuilt: string[] = [];
  if (!(await has('kind_outcome_days')) && (await has('promises'))) {
    await rebuildKindOutcomeDays(db);
    rebuilt.push('kind_outcome_days');
  }
  if (!(await has('trust_contribution_days')) && (await has('trust_contributions'))) {
    await rebuildTrustContributionDays(db);
    rebuilt.push('trust_contribution_days');
  }
  if (!(await has('account_last_touches')) && (await has('accounts'))) {
    await rebuildAccountLastTouches(db);
    rebuilt.push('account_last_touches');
  }
  if (!(await has('owner_effort_days')) && (await has('promises'))) {
    await rebuildOwnerEffortDays(db);
    rebuilt.push('owner_effort_days');
  }
  // Observations stored before verdicts were kept (or by the generator's bulk load) have none.
  const unjudged = await db
    .selectFrom('charter_observations')
    .select('id')
    .where('verdict', 'is', null)
    .limit(1)
    .execute();
  if (unjudged.length > 0) {
    await rebuildObservationVerdicts(db);
    rebuilt.push('charter observation verdicts');
  }
  return rebuilt;
}

/** How long before the dashboards are read the worker last took the trust scores (it does hourly). */
const snapshotAgeMs = 30 * 60_000;

/**
 * The hourly trust snapshot the worker would have taken (the ranking reads its order), half an
 * hour before the dashboards are read, so the closings of that half hour are ranked live as they
 * would be. Taken only where the store has none, as the generator's bulk load takes none.
 */
export async function takeTrustSnapshot(handle: DatabaseHandle): Promise<boolean> {
  const taken = await handle.db.selectFrom('trust_snapshots').select('day').limit(1).execute();
  if (taken.length > 0) return false;
  const now = new Date(Date.parse(HISTORY_NOW) - snapshotAgeMs).toISOString();
  await snapshotTrustScores({}, { db: handle.db, now: () => now, newId: () => randomUUID() });
  return true;
}

/**
 * The service gaps over the dashboard's 90 days as the worker works them out hourly (the
 * dashboard reads them), half an hour before the dashboards are read; returns how long the
 * worker's job took (the same work as a call on a window it does not keep), or null if kept.
 */
export async function workOutServiceGaps(handle: DatabaseHandle): Promise<number | null> {
  const kept = await handle.db
    .selectFrom('service_gap_snapshots')
    .select('days')
    .limit(1)
    .execute();
  if (kept.length > 0) return null;
  const now = new Date(Date.parse(HISTORY_NOW) - snapshotAgeMs).toISOString();
  const started = performance.now();
  await snapshotServiceGaps({}, { db: handle.db, now: () => now, newId: () => randomUUID() });
  return performance.now() - started;
}

/**
 * A private copy of a generated store, brought up to the current schema (a store cached before a
 * newer migration gets it here, with its backfill), so the suite never writes the cached one.
 */
async function openCopy(
  context: BenchContext,
  scale: HistoryScale,
): Promise<{
  handle: DatabaseHandle;
  serviceGapsJobMs: number | null;
  done: () => Promise<void>;
}> {
  const source = await context.history(scale);
  const folder = mkdtempSync(join(tmpdir(), 'steadfast-dashboards-'));
  const file = join(folder, 'store.sqlite');
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(`${source}${suffix}`)) copyFileSync(`${source}${suffix}`, `${file}${suffix}`);
  }
  const handle = openDatabase({ kind: 'sqlite', file });
  const migrating = performance.now();
  await migrateToLatest(handle.db);
  context.log(`  migrated the copy in ${Math.round(performance.now() - migrating)} ms`);
  // A store cached before a rollup existed got it empty from its migration (the generator's bulk
  // load bypasses the write path): recount such a rollup from its base rows, as the generator does.
  const rebuilding = performance.now();
  const rebuilt = await rebuildEmptyRollups(handle);
  if (rebuilt.length > 0)
    context.log(
      `  rebuilt ${rebuilt.join(', ')} in ${Math.round(performance.now() - rebuilding)} ms`,
    );
  const snapshotting = performance.now();
  if (await takeTrustSnapshot(handle))
    context.log(
      `  took the worker's hourly trust snapshot in ${Math.round(performance.now() - snapshotting)} ms`,
    );
  const serviceGapsJobMs = await workOutServiceGaps(handle);
  if (serviceGapsJobMs !== null)
    context.log(
      `  worked out the service gaps as the worker does hourly in ${Math.round(serviceGapsJobMs)} ms`,
    );
  return {
    handle,
    serviceGapsJobMs,
    done: async () => {
      await handle.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A caller with the context the server builds for the leader's session, at a fixed now. */
export async function leaderCallerOn(
  handle: DatabaseHandle,
  options: { email: string; now: string },
): Promise<Caller> {
  const { now } = options;
  const leader = await handle.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', options.email)
    .executeTakeFirst();
  if (leader === undefined) throw new Error('The generated history has no leader to read as.');
  // The same context the server builds for a leader's session cookie, less the HTTP.
  const context: ApiContext = {
    db: handle.db,
    now: () => now,
    // The dashboards only read: an id is never needed.
    newId: () => randomUUID(),
    actorId: leader.id,
    token: null,
  };
  return createCaller(context);
}

async function measureStore(
  context: BenchContext,
  scale: HistoryScale,
): Promise<{ timings: Map<string, Timing>; serviceGapsJobMs: number | null }> {
  const { handle, serviceGapsJobMs, done } = await openCopy(context, scale);
  try {
    // The dashboards are read at the instant the history runs up to.
    const caller = await leaderCallerOn(handle, { email: benchLeader.email, now: HISTORY_NOW });
    const timings = new Map<string, Timing>();
    for (const { name, call } of dashboardCalls) {
      const timing = await time(() => call(caller));
      context.log(
        `  ${name} at ${scale.promises} promises: p50 ${timing.p50.toFixed(2)} ms, p95 ${timing.p95.toFixed(2)} ms (${timing.calls} calls, ${timing.answerBytes} bytes of JSON)`,
      );
      timings.set(name, timing);
    }
    return { timings, serviceGapsJobMs };
  } finally {
    await done();
  }
}

function label(scale: HistoryScale): string {
  return scale.promises >= 1_000_000
    ? `${scale.promises / 1_000_000}M`
    : `${Math.round(scale.promises / 1000)}k`;
}

/**
 * The leader's dashboard procedures, server side (the caller's own time, no HTTP), on a tenth of
 * the history and on the whole: p95 ≤ 20 ms at each, and the whole's p50 within 1.5× the tenth's.
 */
export const dashboardsSuite: BenchSuite = {
  name: 'dashboards',
  async run(context) {
    const small = scaled(context.scale, 0.1);
    const full = context.scale;
    const atSmallStore = await measureStore(context, small);
    const atFullStore = await measureStore(context, full);
    const smallTimings = atSmallStore.timings;
    const fullTimings = atFullStore.timings;
    // The gaps over the dashboard's 90 days are read as the worker keeps them: say what the
    // worker's hourly working out took on each store (the cost a call on another window pays).
    const workedOut = (name: string, jobMs: number | null) =>
      name === 'portfolio.serviceGaps'
        ? {
            reads: "the worker's hourly answer for the dashboard's 90 days (taken 30 min before)",
            workerJobMs: jobMs === null ? null : Math.round(jobMs),
          }
        : {};
    const figures: BenchFigure[] = [];
    for (const { name } of dashboardCalls) {
      const atSmall = smallTimings.get(name);
      const atFull = fullTimings.get(name);
      if (atSmall === undefined || atFull === undefined) continue;
      for (const [scale, timing] of [
        [small, atSmall],
        [full, atFull],
      ] as const) {
        figures.push({
          suite: 'dashboards',
          name: `${name} p95 at ${label(scale)} promises`,
          value: timing.p95,
          unit: 'ms',
          baseline: null,
          ratio: null,
          goal: { text: `≤ ${p95GoalMs} ms`, met: timing.p95 <= p95GoalMs },
          details: {
            p50: timing.p50,
            max: timing.max,
            calls: timing.calls,
            answerBytes: timing.answerBytes,
            scale,
            ...workedOut(
              name,
              scale === small ? atSmallStore.serviceGapsJobMs : atFullStore.serviceGapsJobMs,
            ),
          },
        });
      }
      const ratio = atFull.p50 / atSmall.p50;
      figures.push({
        suite: 'dashboards',
        name: `${name} p50 at ${label(full)} promises`,
        value: atFull.p50,
        unit: 'ms',
        baseline: { name: `p50 at ${label(small)}`, value: atSmall.p50, unit: 'ms' },
        ratio,
        goal: { text: `≤ ${p50RatioGoal}× the p50 at ${label(small)}`, met: ratio <= p50RatioGoal },
        details: {
          calls: atFull.calls,
          baselineCalls: atSmall.calls,
          answerBytes: atFull.answerBytes,
          baselineAnswerBytes: atSmall.answerBytes,
        },
      });
    }
    return figures;
  },
};
