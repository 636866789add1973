import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '@steadfast/server/testing';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import type { BenchContext, BenchFigure, BenchSuite } from '../figure.ts';
import { benchToken, copyHistoryToDataDir, serverSqliteFileName } from '../history/fixture.ts';

/**
 * The read: `account.get` — an account and its contacts, as a CRM or helpdesk integration polls
 * it to keep its own copy in step. It is a pure read of two projection tables (accounts,
 * contacts), so a bare server can send the very same bytes from the same SQL, and the ratio
 * measures only what the production path adds: Fastify, the tRPC adapter, the bearer token's
 * check, the access middleware, zod on the input and the output, and the response.
 */
const procedure = 'account.get';
const connections = 16;
const warmUpSeconds = 3;
const measureSeconds = 10;
/** Each side is measured this many times, alternating, so a neighbour's burst hits both. */
const rounds = 2;
const goalRatio = 0.6;
const idCount = 32;

const bareServerFile = fileURLToPath(new URL('./bare-account-server.ts', import.meta.url));
const cpuProfilePreload = fileURLToPath(new URL('./cpu-profile-preload.mjs', import.meta.url));
const benchDir = fileURLToPath(new URL('../..', import.meta.url));

interface Listening {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * CPU seconds a process has used so far (user + system, from /proc; Linux only). On a shared
 * machine throughput swings with the neighbours' load; CPU time per request hardly does.
 */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime, stime: 14, 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100;
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** The bare `node:http` server in its own process, on the same SQLite file. */
function startBareServer(storeFile: string): Promise<Listening> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', bareServerFile, storeFile],
    {
      cwd: benchDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /bare listening on (http:\/\/\S+)/.exec(output.join(''));
      if (match?.[1] !== undefined && child.pid !== undefined)
        resolve({ url: match[1], pid: child.pid, stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bare server exited (${code}):\n${output}`)));
  });
}

function pathFor(accountId: string): string {
  return `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ id: accountId }))}`;
}

/** A fixed list of accounts to read, the same every run: the first ids in id order. */
function accountIds(storeFile: string): string[] {
  const db = new Database(storeFile, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[number], { id: string }>('select id from accounts order by id limit ?')
      .all(idCount)
      .map((row) => row.id);
  } finally {
    db.close();
  }
}

async function body(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text}`);
  return text;
}

interface Load {
  requestsPerSecond: number;
  /** The server process's CPU time per answered request. */
  cpuMicrosecondsPerRequest: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

function load(options: {
  url: string;
  ids: readonly string[];
  headers: Record<string, string>;
  seconds: number;
}): Promise<autocannon.Result> {
  return autocannon({
    url: options.url,
    connections,
    duration: options.seconds,
    headers: options.headers,
    // Each connection walks the list of accounts in turn.
    requests: options.ids.map((id) => ({ method: 'GET', path: pathFor(id) })),
  });
}

interface Measured {
  result: autocannon.Result;
  cpuSeconds: number;
}

/** Several measured runs of one side, summed: requests per second over all of them. */
function summarise(runs: readonly Measured[]): Load {
  const results = runs.map((run) => run.result);
  const cpu = runs.reduce((sum, run) => sum + run.cpuSeconds, 0);
  const requests = results.reduce((sum, result) => sum + result.requests.total, 0);
  const seconds = results.reduce((sum, result) => sum + result.duration, 0);
  const weighted = (pick: (result: autocannon.Result) => number) =>
    results.reduce((sum, result) => sum + pick(result) * result.requests.total, 0) /
    Math.max(1, requests);
  return {
    requestsPerSecond: requests / seconds,
    cpuMicrosecondsPerRequest: (cpu * 1e6) / Math.max(1, requests),
    p50: weighted((result) => result.latency.p50),
    p99: weighted((result) => result.latency.p99),
    requests,
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
    errors: results.reduce((sum, result) => sum + result.errors + result.timeouts, 0),
  };
}

export interface ApiOverheadTarget {
  /** The generated store (read only here: the servers get a copy). */
  storeFile: string;
  /** An integration token's presented secret (`sf_…`) with the accounts:read scope. */
  token: string;
  /** Where a CPU profile of the Steadfast server is written, when one is wanted. */
  cpuProfileDir?: string;
  log(message: string): void;
}

/** Measures the production tRPC read against the bare floor and gives back the figure. */
export async function measureApiOverhead(target: ApiOverheadTarget): Promise<BenchFigure> {
  const { log } = target;
  const dataDir = await copyHistoryToDataDir(target.storeFile);
  try {
    // Both servers open this copy: the same file, the same rows.
    const storeFile = join(dataDir, serverSqliteFileName);
    const ids = accountIds(storeFile);
    if (ids.length === 0) throw new Error(`no accounts in ${target.storeFile}`);
    if (target.cpuProfileDir !== undefined) mkdirSync(target.cpuProfileDir, { recursive: true });
    const steadfast = await startServerProcess(
      {
        DATA_DIR: dataDir,
        DEMO_DATA: 'false',
        // Background jobs (risk sweeps over every account of a fresh copy) would compete with
        // the requests; the figure is the request path.
        WORKER_INTERVAL_MS: '0',
        LOG_LEVEL: 'info',
        ...(target.cpuProfileDir === undefined
          ? {}
          : {
              // NODE_OPTIONS refuses --cpu-prof: a preload starts the inspector's profiler, here
              // on SIGUSR2, sent when the measured rounds start (start-up and warm-up left out).
              NODE_OPTIONS: `--import ${cpuProfilePreload}`,
              CPU_PROFILE_DIR: target.cpuProfileDir,
              CPU_PROFILE_ON_SIGNAL: '1',
            }),
      },
      { startTimeoutMs: 120_000 },
    );
    const bare = await startBareServer(storeFile).catch(async (error: unknown) => {
      await steadfast.stop();
      throw error;
    });
    try {
      const headers = { authorization: `Bearer ${target.token}` };
      for (const id of ids) {
        const [fromTrpc, fromBare] = await Promise.all([
          body(`${steadfast.url}${pathFor(id)}`, headers),
          body(`${bare.url}${pathFor(id)}`, headers),
        ]);
        if (fromTrpc !== fromBare) {
          throw new Error(
            `the bare server's answer differs from tRPC's for ${id}:\n${fromTrpc}\n${fromBare}`,
          );
        }
      }
      log(`${ids.length} accounts: tRPC and bare node:http answer the same bytes`);

      const sides = {
        trpc: { url: steadfast.url, pid: steadfast.child.pid ?? 0 },
        bare: { url: bare.url, pid: bare.pid },
      } as const;
      for (const [side, { url }] of Object.entries(sides)) {
        log(`warm-up ${side} (${warmUpSeconds} s)`);
        await load({ url, ids, headers, seconds: warmUpSeconds });
      }
      if (target.cpuProfileDir !== undefined) steadfast.child.kill('SIGUSR2');
      const measured: Record<keyof typeof sides, Measured[]> = { trpc: [], bare: [] };
      for (let round = 0; round < rounds; round += 1) {
        for (const side of ['trpc', 'bare'] as const) {
          const { url, pid } = sides[side];
          const cpuBefore = cpuSeconds(pid);
          const result = await load({ url, ids, headers, seconds: measureSeconds });
          const used = cpuSeconds(pid) - cpuBefore;
          log(
            `${side} round ${round + 1}: ${Math.round(result.requests.average)} req/s, ` +
              `${Math.round((used * 1e6) / Math.max(1, result.requests.total))} µs CPU/request`,
          );
          measured[side].push({ result, cpuSeconds: used });
        }
      }
      const trpc = summarise(measured.trpc);
      const floor = summarise(measured.bare);
      const ratio = trpc.requestsPerSecond / floor.requestsPerSecond;
      const clean = trpc.non2xx + trpc.errors + floor.non2xx + floor.errors === 0;
      return {
        suite: 'api-overhead',
        name: `tRPC ${procedure} (bearer token), ${connections} connections`,
        value: trpc.requestsPerSecond,
        unit: 'req/s',
        baseline: {
          name: 'bare node:http, same SQL and bytes',
          value: floor.requestsPerSecond,
          unit: 'req/s',
        },
        ratio,
        goal: {
          text: `≥ ${goalRatio}× bare node:http, 0 errors`,
          met: ratio >= goalRatio && clean,
        },
        details: {
          procedure,
          accounts: ids.length,
          connections,
          secondsPerSide: measureSeconds * rounds,
          // The same comparison by the servers' own CPU time, steadier on a shared machine.
          cpuRatio: floor.cpuMicrosecondsPerRequest / trpc.cpuMicrosecondsPerRequest,
          bound:
            "The production path costs ~200 µs of server CPU per account.get (195-223 µs over three runs on a shared 2-core machine, load ~9) against the bare server's 45 µs: with a whole core it answers ~5,000 req/s, while 0.6x of a bare server that autocannon drives at 9,000-15,000 req/s needs ~110 µs. Where the time goes (self time by package over the measured rounds, bench/profiles/api-overhead.txt, BENCH_CPU_PROFILE_DIR): Node's HTTP internals 11% (the answer carries 13 security headers), tRPC's procedure machinery 11% (it copies the call's options and context at every middleware level: access/NUL/audit in one, input, output and the resolver remain), the server's request code 8% (context, JSON in and out), garbage collection 7%, zod on input and output 4%, Kysely 3%, the API package (access rules, NUL walk, token check) 3%, Fastify and its hooks 2%; the native 48% is mostly the socket write and SQLite's two reads, which the bare server makes too (the sampling profiler probably swells them with time spent descheduled on the busy machine). Fastify with the security headers alone answers GET /health at ~40 µs. Already removed (~700 -> ~200 µs per request): tRPC's fetch Request/Response adapter for single queries, the token's read per request (trusted 5 s, forgotten at once on revoke), three middleware levels, Kysely's per-call compile of the two reads, and helmet rebuilt per request. What is left is the framework floor plus tRPC, zod and the checks, which cannot go without weakening what the path guarantees.",
          trpc,
          bare: floor,
        },
      };
    } finally {
      await Promise.all([steadfast.stop(), bare.stop()]);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const apiOverhead: BenchSuite = {
  name: 'api-overhead',
  async run(context: BenchContext): Promise<BenchFigure[]> {
    const storeFile = await context.history(context.scale);
    const cpuProfileDir = process.env.BENCH_CPU_PROFILE_DIR;
    return [
      await measureApiOverhead({
        storeFile,
        token: benchToken.presented,
        log: context.log,
        ...(cpuProfileDir === undefined ? {} : { cpuProfileDir }),
      }),
    ];
  },
};
