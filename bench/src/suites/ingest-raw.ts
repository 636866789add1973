import Database from 'better-sqlite3';

/** The rows the application wrote for the ingest, as stored, oldest first. */
export function rowsWritten(file: string, table: 'promise_events' | 'charter_observations') {
  const store = new Database(file, { readonly: true });
  try {
    // The store held only `made` events before the ingest: every later event is the ingest's.
    const where = table === 'promise_events' ? 'WHERE sequence > 1' : '';
    return store.prepare(`SELECT * FROM ${table} ${where} ORDER BY rowid`).all() as Record<
      string,
      unknown
    >[];
  } finally {
    store.close();
  }
}

/**
 * The floor: the same rows written by one prepared INSERT in one transaction into a copy of the
 * store as it was before the ingest, with the durability the server runs with (WAL, synchronous
 * FULL, foreign keys on). Returns the milliseconds the transaction took.
 */
export function rawInsert(
  file: string,
  table: 'promise_events' | 'charter_observations',
  rows: readonly Record<string, unknown>[],
): number {
  const first = rows[0];
  if (first === undefined) throw new Error(`no ${table} rows to insert`);
  const store = new Database(file);
  try {
    store.pragma('journal_mode = WAL');
    store.pragma('synchronous = FULL');
    store.pragma('foreign_keys = ON');
    const columns = Object.keys(first);
    const insert = store.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    const insertAll = store.transaction((all: readonly Record<string, unknown>[]) => {
      for (const row of all) insert.run(row);
    });
    const started = performance.now();
    insertAll(rows);
    return performance.now() - started;
  } finally {
    store.close();
  }
}
