import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

const transactionControl = /^\s*(begin|commit|rollback|savepoint|release)\b/i;
const commit = /^\s*commit\b/i;

/** Copies a SQLite store with its WAL (the server may not have checkpointed it). */
export function copyStore(from: string, to: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(`${to}${suffix}`, { force: true });
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
}

/** What replaying the server's writes took: its statements, the rows they changed, the time. */
export interface Replay {
  ms: number;
  statements: number;
  rowsWritten: number;
  commits: number;
}

/**
 * The writes the server issued in one phase (`writes.jsonl` from ingest-server-probe.mjs: every
 * INSERT, UPDATE and DELETE with its parameters, in order, and its BEGINs and COMMITs), replayed
 * raw on a copy of the store as it was before the phase, with the server's durability (WAL,
 * synchronous FULL, foreign keys on) and each distinct SQL prepared once. `transactions: 'one'`
 * runs them all in one transaction, as the raw insert does; `'as-issued'` keeps the server's own
 * transactions (one commit per request). Nothing the server read or computed is replayed: this is
 * the floor of its row writes alone.
 */
export function replayWrites(options: {
  writesFile: string;
  storeBefore: string;
  scratchFile: string;
  transactions: 'one' | 'as-issued';
}): Replay {
  const writes = readFileSync(options.writesFile, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as [string, unknown[] | undefined])
    .filter(([sql]) => options.transactions === 'as-issued' || !transactionControl.test(sql));
  copyStore(options.storeBefore, options.scratchFile);
  const store = new Database(options.scratchFile);
  try {
    store.pragma('journal_mode = WAL');
    store.pragma('synchronous = FULL');
    store.pragma('foreign_keys = ON');
    const prepared = new Map<string, Database.Statement>();
    const statements = writes.map(([sql, parameters]) => {
      let statement = prepared.get(sql);
      if (statement === undefined) {
        statement = store.prepare(sql);
        prepared.set(sql, statement);
      }
      return { statement, parameters: parameters ?? [], control: transactionControl.test(sql) };
    });
    let rowsWritten = 0;
    const runAll = () => {
      for (const { statement, parameters, control } of statements) {
        // INSERT … RETURNING is a reader: its rows are the rows it wrote. BEGIN and COMMIT
        // report the changes of the statement before them, not rows of their own.
        if (statement.reader) rowsWritten += statement.all(parameters).length;
        else if (control) statement.run(parameters);
        else rowsWritten += statement.run(parameters).changes;
      }
    };
    const started = performance.now();
    if (options.transactions === 'one') store.transaction(runAll)();
    else runAll();
    const ms = performance.now() - started;
    return {
      ms,
      statements: statements.filter((each) => !each.control).length,
      rowsWritten,
      commits:
        options.transactions === 'one' ? 1 : writes.filter(([sql]) => commit.test(sql)).length,
    };
  } finally {
    store.close();
  }
}
