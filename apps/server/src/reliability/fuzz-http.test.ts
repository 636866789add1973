import { isDeepStrictEqual } from 'node:util';
import { appRouter } from '@steadfast/api';
import type { DatabaseKind } from '@steadfast/db';
import { createTestDatabase, databaseKinds, type TestDatabase } from '@steadfast/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Caller, type FuzzServer, startFuzzServer } from './fuzz/fuzz-server.ts';
import { FuzzTally } from './fuzz/fuzz-tally.ts';
import { malformedCalls, strayRequests } from './fuzz/malformed-requests.ts';
import { fuzzedInputs, inputJsonSchema, throughJson } from './fuzz/schema-inputs.ts';
import { procedureCall, type RawRequest, send } from './fuzz/trpc-over-http.ts';

/**
 * Generated inputs per procedure, each sent as every kind of caller: `FUZZ_RUNS`, else more when
 * the reliability command runs (`RELIABILITY_ROUNDS` set) than the normal suite's ~60 s allow.
 * PostgreSQL answers slower, so it gets fewer in the normal suite.
 */
const reliabilityRun = (process.env.RELIABILITY_ROUNDS ?? '') !== '';
const runsOn: Record<DatabaseKind, number> = {
  sqlite: Number(process.env.FUZZ_RUNS ?? (reliabilityRun ? 100 : 20)),
  postgres: Number(process.env.FUZZ_RUNS ?? (reliabilityRun ? 60 : 8)),
};
/** Fixed, printed, and replayable: `FUZZ_SEED=… npx vitest run src/reliability/fuzz-http`. */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_124);
/** The seed of one procedure's inputs: the run's seed and its path, so adding a procedure moves no other's. */
const seedOf = (path: string) =>
  [...path].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) | 0, seed);
/** Requests in flight at once: enough to overlap PostgreSQL's round trips, no more. */
const inFlight = 4;

interface SafeParser {
  safeParse(input: unknown): { success: boolean };
}
interface WalkedProcedure {
  path: string;
  type: 'query' | 'mutation';
  parsers: SafeParser[];
}

/**
 * Every procedure of AppRouter, walked, so a new one is fuzzed without anyone listing it. At run
 * time `_def.procedures` is flat, keyed by path (`account.get`), whatever its declared type says.
 */
const procedures: WalkedProcedure[] = Object.entries(
  appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string; inputs: SafeParser[] } }
  >,
)
  .map(([path, { _def: def }]): WalkedProcedure => {
    if (def.type !== 'query' && def.type !== 'mutation') throw new Error(`${path}: ${def.type}`);
    return { path, type: def.type, parsers: def.inputs };
  })
  .sort((a, b) => a.path.localeCompare(b.path));

/**
 * A mutation would take this input, so sending it could write: every parser it has accepts it.
 * A mutation without input takes anything.
 */
const mutationAccepts = (procedure: WalkedProcedure, input: unknown) =>
  procedure.parsers.every((parser) => parser.safeParse(input).success);

interface Job {
  request: RawRequest;
  caller: Caller;
  context: string;
}

async function runAll(jobs: Job[], server: FuzzServer, tally: FuzzTally): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let job = jobs[next++]; job !== undefined; job = jobs[next++]) {
      const answer = await send(server.url, job.request, job.caller);
      tally.record({ ...job, answer });
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

describe.each(databaseKinds)('fuzzing every procedure over HTTP on %s', (kind) => {
  const runs = runsOn[kind];
  let database: TestDatabase;
  let server: FuzzServer;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
    server = await startFuzzServer(database.db);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('walks a non-trivial router', () => {
    expect(procedures.length).toBeGreaterThan(60);
    expect(procedures.filter((p) => p.type === 'mutation').length).toBeGreaterThan(20);
  });

  it('no fuzzed, malformed or stray request gets a 5xx or an error out of shape, and none changes the store', async () => {
    const tally = new FuzzTally();
    let skippedValid = 0;
    let skippedBodies = 0;
    const storeChanges: string[] = [];
    const before = await server.snapshot();
    let previous = before;
    // After each procedure, so a write is pinned on the procedure that made it.
    const noteChanges = async (context: string) => {
      const now = await server.snapshot();
      if (isDeepStrictEqual(now, previous)) return;
      const tables = Object.keys(now).filter((t) => !isDeepStrictEqual(now[t], previous[t]));
      storeChanges.push(`${context} changed ${tables.join(', ')}`);
      previous = now;
    };

    for (const [index, procedure] of procedures.entries()) {
      const [group = ''] = procedure.path.split('.');
      const generator = fuzzedInputs({
        schema: inputJsonSchema(procedure.parsers[0]),
        ids: server.ids,
        group,
      });
      const jobs: Job[] = [];
      for (const generated of fc.sample(generator, {
        seed: seedOf(procedure.path),
        numRuns: runs,
      })) {
        // What the server will read: JSON has no undefined, NaN or -0.
        const input = throughJson(generated);
        if (procedure.type === 'mutation' && mutationAccepts(procedure, input)) {
          skippedValid += 1;
          continue;
        }
        const request = procedureCall({ path: procedure.path, type: procedure.type, input });
        for (const caller of server.callers)
          jobs.push({ request, caller, context: procedure.path });
      }
      // Malformed requests take turns among the callers: every caller gets each kind somewhere.
      for (const [turn, request] of malformedCalls(procedure.path, procedure.type).entries()) {
        // A mutation without input reads no body (auth.logout logs out whatever it is sent):
        // a broken body is no bad input to it, and sending one could write.
        if (request.method === 'POST' && procedure.parsers.length === 0) {
          skippedBodies += 1;
          continue;
        }
        const caller = server.callers[(index + turn) % server.callers.length];
        if (caller === undefined) throw new Error('no callers');
        jobs.push({ request, caller, context: `${procedure.path} (${request.label})` });
      }
      await runAll(jobs, server, tally);
      await noteChanges(procedure.path);
    }

    // Batches of mutations, each with an input its schema refuses.
    const refusedMutations = procedures
      .filter((p) => p.type === 'mutation' && p.parsers.length > 0)
      .filter((p) => !mutationAccepts(p, 'not an input'))
      .map((p) => ({ path: p.path, input: 'not an input' }));
    const queries = procedures.filter((p) => p.type === 'query').map((p) => p.path);
    const stray = strayRequests({ queries, refusedMutations }).flatMap((request) =>
      server.callers.map((caller) => ({ request, caller, context: request.label })),
    );
    await runAll(stray, server, tally);
    await noteChanges('stray requests and batches');

    const mutations = procedures.filter((p) => p.type === 'mutation').length;
    console.log(
      [
        `fuzz-http on ${kind}: seed ${seed}, ${runs} generated inputs per procedure`,
        `  procedures walked: ${procedures.length} (${procedures.length - mutations} queries, ${mutations} mutations)`,
        ...tally.summary(),
        `  mutations' generated inputs skipped because their schema accepts them: ${skippedValid}`,
        `  malformed bodies not sent to mutations without input: ${skippedBodies}`,
        `  answers out of shape: ${tally.problems.length}; store changes: ${storeChanges.length}`,
      ].join('\n'),
    );

    // Every caller is still who it was: no fuzzed call logged anyone out or revoked the token,
    // so no caller's share of the run quietly turned anonymous. Login's rate limit never comes
    // into play: it counts failures of well-formed logins only, and those are never sent (an
    // input auth.login's schema accepts is skipped like any mutation's); the store, login
    // failures included, is compared below.
    for (const caller of server.callers.filter((c) => c.name !== 'anonymous')) {
      const path = caller.name === 'integration token' ? 'auth.token' : 'auth.me';
      const answer = await send(
        server.url,
        procedureCall({ path, type: 'query', input: undefined }),
        caller,
      );
      expect(answer.body, `${caller.name} after the run`).toMatchObject({
        result: { data: { id: expect.any(String) } },
      });
    }
    expect(tally.problems, tally.problemReport()).toEqual([]);
    expect(storeChanges).toEqual([]);
    expect(await server.snapshot()).toEqual(before);
    expect(tally.counts.serverErrors).toBe(0);
    expect(tally.counts.refusedByTrpc).toBeGreaterThan(procedures.length * runs);
  }, 600_000);
});
