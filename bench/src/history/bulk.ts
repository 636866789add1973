import type BetterSqlite3 from 'better-sqlite3';

/** A prepared insert for rows shaped like the app's own row objects (named parameters). */
export function rowInserter<Row extends object>(
  sqlite: BetterSqlite3.Database,
  table: string,
  columns: readonly (keyof Row & string)[],
): (row: Row) => void {
  const statement = sqlite.prepare(
    `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  return (row) => {
    statement.run(row);
  };
}

/**
 * The secondary indexes of the given tables, dropped for a bulk load and made again after it
 * (one sorted build is far faster than a million random inserts into each index).
 */
export function dropIndexes(sqlite: BetterSqlite3.Database, tables: readonly string[]): () => void {
  const rows = sqlite
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables.map(() => '?').join(', ')}) order by name`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const row of rows) sqlite.exec(`drop index "${row.name}"`);
  return () => {
    for (const row of rows) sqlite.exec(row.sql);
  };
}
