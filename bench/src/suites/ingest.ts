import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '@steadfast/server/testing';
import { newestProfile, summariseProfile } from '../cpu-profile-summary.ts';
import type { BenchContext, BenchFigure, BenchSuite } from '../figure.ts';
import { rawInsert, rowsWritten } from './ingest-raw.ts';
import { eventBatches, observationBatches, promisesFor } from './ingest-rows.ts';
import { makeIngestStore, storeFileName } from './ingest-store.ts';

const batchSize = 1000;
const concurrency = 4;
const goalRatio = 0.5;

/**
 * Where the server's CPU profiles go when `BENCH_INGEST_PROFILE` names a folder: one
 * `.cpuprofile` per phase, summarised by `tsx src/cpu-profile-summary.ts <folder>/events`.
 */
const profileDir = process.env.BENCH_INGEST_PROFILE;

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, Math.round(value)));
}

/** Posts every body, `concurrency` at a time, failing on the first answer that is not a 200. */
async function postAll(url: string, token: string, bodies: readonly string[]): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next];
      next += 1;
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      const text = await response.text();
      if (response.status !== 200)
        throw new Error(`${url} answered ${response.status}: ${text.slice(0, 500)}`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - started;
}

/** Runs the server on `dataDir` for one phase (its own process, so each phase has its profile). */
async function withServer<T>(
  dataDir: string,
  phase: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    // The background worker would compete with the ingest for the store; it has its own bench.
    WORKER_INTERVAL_MS: '0',
  };
  if (profileDir !== undefined) {
    mkdirSync(join(profileDir, phase), { recursive: true });
    // Node 20 refuses --cpu-prof in NODE_OPTIONS: a preload profiles through the inspector.
    env.NODE_OPTIONS = `--import ${new URL('./ingest-cpu-profile.mjs', import.meta.url).pathname}`;
    env.INGEST_CPU_PROFILE_DIR = join(profileDir, phase);
  }
  const server = await startServerProcess(env);
  try {
    return await work(server.url);
  } finally {
    await server.stop();
  }
}

/**
 * The server's profile of one phase, when profiling: written beside the results as text (the
 * `.cpuprofile` itself stays in the profile folder) and its top frames for the figure's details.
 */
function profileOf(phase: string): Record<string, unknown> {
  if (profileDir === undefined) return {};
  const summary = summariseProfile(
    JSON.parse(readFileSync(newestProfile(join(profileDir, phase)), 'utf8')),
    30,
  );
  const text = (title: string, rows: typeof summary.self) =>
    [
      title,
      ...rows.map(
        (row) => `${String(row.ms).padStart(8)} ms ${String(row.share).padStart(5)}%  ${row.frame}`,
      ),
    ].join('\n');
  writeFileSync(
    new URL(`../../profiles/ingest-${phase}.txt`, import.meta.url),
    `Server CPU profile of the ingest's ${phase} phase: ${summary.totalMs} ms on CPU (process start included, idle left out)\n\n${text('by place (self)', summary.byPlace)}\n\n${text('self', summary.self)}\n\n${text('inclusive', summary.inclusive)}\n`,
  );
  return {
    profile: {
      cpuMs: summary.totalMs,
      byPlace: summary.byPlace.slice(0, 8),
      inclusive: summary.inclusive
        .filter((row) => !/^\(root\)|^processTicks|^runMicrotasks/.test(row.frame))
        .slice(0, 12),
    },
  };
}

function figure(options: {
  name: string;
  rows: number;
  appMs: number;
  rawMs: number;
  details: Record<string, unknown>;
}): BenchFigure {
  const value = (options.rows / options.appMs) * 1000;
  const raw = (options.rows / options.rawMs) * 1000;
  const ratio = value / raw;
  return {
    suite: 'ingest',
    name: options.name,
    value,
    unit: 'rows/s',
    baseline: {
      name: 'raw better-sqlite3 prepared INSERT, one transaction',
      value: raw,
      unit: 'rows/s',
    },
    ratio,
    goal: { text: `≥ ${goalRatio}× the raw insert`, met: ratio >= goalRatio },
    details: {
      rows: options.rows,
      batchSize,
      concurrency,
      elapsedMs: Math.round(options.appMs),
      rawElapsedMs: Math.round(options.rawMs),
      ...options.details,
    },
  };
}

/**
 * Ingest through the HTTP batch APIs (a real server over loopback, token-authenticated, a few
 * requests in flight) beside a raw prepared INSERT of the very rows the server wrote.
 *
 * The store is a fresh one the bench makes (accounts with charters, open promises): the rows go
 * on top of exactly what they need, so the figure is the cost of the write path itself rather than
 * of a history whose size the raw insert hardly feels; `dashboards` measures the big history.
 */
export const ingestSuite: BenchSuite = {
  name: 'ingest',
  async run(context: BenchContext): Promise<BenchFigure[]> {
    const factor = context.scale.promises / 1_000_000;
    const eventCount = clamp(100_000 * factor, 20_000, 100_000);
    const observationCount = clamp(200_000 * factor, 50_000, 200_000);
    const accounts = clamp(context.scale.accounts / 50, 20, 200);
    const now = new Date();

    if (profileDir !== undefined)
      mkdirSync(new URL('../../profiles/', import.meta.url), { recursive: true });
    const root = mkdtempSync(join(tmpdir(), 'steadfast-bench-ingest-'));
    try {
      const dataDir = join(root, 'app');
      const rawDir = join(root, 'raw');
      mkdirSync(dataDir);
      mkdirSync(rawDir);
      context.log(
        `ingest: making a store of ${accounts} accounts and ${promisesFor(eventCount)} open promises`,
      );
      const store = await makeIngestStore({
        dataDir,
        accounts,
        promises: promisesFor(eventCount),
        now,
        log: context.log,
      });
      const rawFile = join(rawDir, storeFileName);
      copyFileSync(store.file, rawFile);
      if (existsSync(`${store.file}-wal`)) copyFileSync(`${store.file}-wal`, `${rawFile}-wal`);

      const events = eventBatches(store, eventCount, batchSize);
      const eventBodies = events.batches.map((batch) => JSON.stringify({ events: batch }));
      context.log(`ingest: posting ${eventCount} events in ${eventBodies.length} batches`);
      const eventsMs = await withServer(dataDir, 'events', (url) =>
        postAll(`${url}/api/v1/promises/events/batch`, store.token, eventBodies),
      );
      const eventRows = rowsWritten(store.file, 'promise_events');
      if (eventRows.length !== eventCount)
        throw new Error(`the server stored ${eventRows.length} events, not ${eventCount}`);
      const rawEventsMs = rawInsert(rawFile, 'promise_events', eventRows);

      const observationBodies = observationBatches(store, observationCount, batchSize, now).map(
        (batch) => JSON.stringify({ observations: batch }),
      );
      context.log(
        `ingest: posting ${observationCount} observations in ${observationBodies.length} batches`,
      );
      const observationsMs = await withServer(dataDir, 'observations', (url) =>
        postAll(`${url}/api/v1/observations/batch`, store.token, observationBodies),
      );
      const observationRows = rowsWritten(store.file, 'charter_observations');
      if (observationRows.length !== observationCount)
        throw new Error(
          `the server stored ${observationRows.length} observations, not ${observationCount}`,
        );
      const rawObservationsMs = rawInsert(rawFile, 'charter_observations', observationRows);

      return [
        figure({
          name: 'promise events via POST /api/v1/promises/events/batch',
          rows: eventCount,
          appMs: eventsMs,
          rawMs: rawEventsMs,
          details: {
            requests: eventBodies.length,
            promises: events.promises,
            accounts,
            store: 'fresh, made by the bench',
            bound:
              "Per event the server also reads the promise (one query per batch), decides and measures it in business time, and moves its projection (one UPDATE per promise); per closing (one a promise) it resolves the forecasts and adds trust contributions, with evidence and per-day sums added once per scope and batch; the outbox and audit once per batch; one synchronous WAL commit per request. The raw insert writes the event row alone, in one commit: the server's SQLite time alone is several times the raw insert's. See bench/profiles/ingest-events.txt (BENCH_INGEST_PROFILE).",
            ...profileOf('events'),
          },
        }),
        figure({
          name: 'charter observations via POST /api/v1/observations/batch',
          rows: observationCount,
          appMs: observationsMs,
          rawMs: rawObservationsMs,
          details: {
            requests: observationBodies.length,
            accounts,
            terms: accounts * 2,
            store: 'fresh, made by the bench',
            bound:
              "Each batch is validated (zod), measured in the account's business calendar, checked for repeated references (one lookup per batch), inserted with ON CONFLICT against the (term, reference) index, scanned for charter breaches for the outbox, audited, and committed with a synchronous WAL sync per request; the raw insert is one transaction with one sync. See bench/profiles/ingest-observations.txt (BENCH_INGEST_PROFILE).",
            ...profileOf('observations'),
          },
        }),
      ];
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
