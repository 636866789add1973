// Loaded into the ingest's server with NODE_OPTIONS=--import (Node 20 refuses --cpu-prof there).
// Nothing happens until the bench sends SIGUSR2, once the server has started and answered a
// warm-up request: from then on it notes every statement that writes (SQL and parameters, in
// order, with the server's own BEGIN and COMMIT) when INGEST_NOTE_WRITES is set, or profiles the
// CPU when INGEST_CPU_PROFILE is set (never both: the timed run only profiles). At exit either
// goes into INGEST_PROBE_DIR: writes.jsonl, one [sql, parameters] a line, or a .cpuprofile.
// `started` in that folder tells the bench that the timed part may begin.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const folder = process.env.INGEST_PROBE_DIR;
if (folder) {
  const profiling = process.env.INGEST_CPU_PROFILE === '1';
  const session = profiling ? new Session() : null;
  /** @type {[string, unknown][] | null} */
  let writes = null;

  const noting = process.env.INGEST_NOTE_WRITES === '1';
  // Only a run that notes writes wraps the statements: the timed run's stay as they are.
  if (noting) {
    // The server's own better-sqlite3 (the one @steadfast/db resolves), so its statements are seen.
    const require = createRequire(new URL('../../../packages/db/package.json', import.meta.url));
    const Database = require('better-sqlite3');
    const probe = new Database(':memory:');
    const statement = Object.getPrototypeOf(probe.prepare('select 1'));
    probe.close();
    const writing = /^\s*(insert|update|delete|replace|begin|commit|rollback|savepoint|release)\b/i;
    // Whether each statement writes, decided once per statement (the server reuses them).
    const writesRows = new WeakMap();
    for (const method of ['run', 'all', 'get']) {
      const original = statement[method];
      statement[method] = function (...parameters) {
        if (writes !== null) {
          let isWrite = writesRows.get(this);
          if (isWrite === undefined) {
            isWrite = writing.test(this.source);
            writesRows.set(this, isWrite);
          }
          if (isWrite) writes.push([this.source, parameters[0]]);
        }
        return original.apply(this, parameters);
      };
    }
  }

  process.on('SIGUSR2', () => {
    if (noting) writes = [];
    const started = () => writeFileSync(join(folder, 'started'), String(process.pid));
    if (session === null) return started();
    session.connect();
    session.post('Profiler.enable', () => session.post('Profiler.start', started));
  });
  // The inspector answers synchronously on the main thread, so this works in an `exit` handler.
  // The profile stops first: writing the log down is not the server's work.
  process.on('exit', () => {
    session?.post('Profiler.stop', (error, result) => {
      if (error) return;
      writeFileSync(
        join(folder, `server-${process.pid}.cpuprofile`),
        JSON.stringify(result.profile),
      );
    });
    if (writes !== null)
      writeFileSync(
        join(folder, 'writes.jsonl'),
        writes.map((write) => JSON.stringify(write)).join('\n'),
      );
  });
}
