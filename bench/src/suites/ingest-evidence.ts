// What explains an ingest figure: the server's CPU profile of a phase, and the same writes the
// server made replayed raw (informational, beside the figure; its baseline stays the raw insert).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newestProfile, summariseProfile } from '../cpu-profile-summary.ts';
import { type Replay, replayWrites } from './ingest-replay.ts';

/**
 * Where the server's CPU profiles go when `BENCH_INGEST_PROFILE` names a folder: one
 * `.cpuprofile` per phase, summarised by `tsx src/cpu-profile-summary.ts <folder>/events`.
 */
export const profileDir = process.env.BENCH_INGEST_PROFILE;

/**
 * The server's profile of one phase, when profiling: written beside the results as text (the
 * `.cpuprofile` itself stays in the profile folder) and its top frames for the figure's details.
 */
export function profileOf(phase: string, probeDir: string): Record<string, unknown> {
  if (profileDir === undefined) return {};
  const summary = summariseProfile(JSON.parse(readFileSync(newestProfile(probeDir), 'utf8')), 30);
  const text = (title: string, rows: typeof summary.self) =>
    [
      title,
      ...rows.map(
        (row) => `${String(row.ms).padStart(8)} ms ${String(row.share).padStart(5)}%  ${row.frame}`,
      ),
    ].join('\n');
  writeFileSync(
    new URL(`../../profiles/ingest-${phase}.txt`, import.meta.url),
    `Server CPU profile of the ingest's ${phase} phase: ${summary.totalMs} ms on CPU (from the first timed request to exit: start-up and a warm-up request left out, idle left out)\n\n${text('by place (self)', summary.byPlace)}\n\n${text('self', summary.self)}\n\n${text('inclusive', summary.inclusive)}\n`,
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

const perSecond = (rows: number, ms: number) => Math.round((rows / ms) * 1000);

/**
 * Informational, beside the figure (its baseline stays the raw insert of the same rows): every
 * INSERT and UPDATE the server issued for the phase's requests (noted in an untimed second run of
 * them, `withCapture`), replayed raw on the store as the phase found it, in one transaction and in the server's own transactions (one commit per request). It counts
 * the rows the server writes per row posted, and bounds what any write path could reach while
 * writing them with the same durability.
 */
export function sameWrites(options: {
  probeDir: string;
  storeBefore: string;
  scratchDir: string;
  rows: number;
  appMs: number;
}): Record<string, unknown> {
  const writesFile = join(options.probeDir, 'writes.jsonl');
  const replay = (transactions: 'one' | 'as-issued'): Replay =>
    replayWrites({
      writesFile,
      storeBefore: options.storeBefore,
      scratchFile: join(options.scratchDir, `replay-${transactions}.sqlite`),
      transactions,
    });
  const one = replay('one');
  const asIssued = replay('as-issued');
  const app = perSecond(options.rows, options.appMs);
  const told = (each: Replay) => ({
    elapsedMs: Math.round(each.ms),
    rowsPerSecond: perSecond(options.rows, each.ms),
    appRatio: Math.round((app / perSecond(options.rows, each.ms)) * 100) / 100,
  });
  return {
    sameWritesRaw: {
      note: 'informational, not the baseline: every INSERT/UPDATE the server issued, replayed with raw prepared statements on the store as the phase found it',
      statements: one.statements,
      rowsWritten: one.rowsWritten,
      rowsWrittenPerRowPosted: Math.round((one.rowsWritten / options.rows) * 100) / 100,
      oneTransaction: told(one),
      serverTransactions: { commits: asIssued.commits, ...told(asIssued) },
    },
  };
}
