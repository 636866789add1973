import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from '../schema/database.ts';

/**
 * A read whose SQL never changes, compiled once per store and run with each call's values.
 * Kysely builds a query (a tree of frozen nodes) and compiles it (a visitor over the tree) on
 * every call, which costs more than SQLite's own primary-key read; the reads an integration polls
 * are compiled once. `build` is called once with `placeholders`, which must come back as the
 * compiled query's parameters in the same order (checked), so each call's values replace them.
 */
export function compiledOnce<Row, Values extends unknown[]>(
  build: (db: Db, ...values: Values) => Compilable<Row>,
  placeholders: Values,
): (db: Db, ...values: Values) => Promise<Row[]> {
  // By store: SQLite and PostgreSQL spell parameters differently; a transaction is a store too.
  const compiled = new WeakMap<Db, CompiledQuery<Row>>();
  return async (db, ...values) => {
    let query = compiled.get(db);
    if (query === undefined) {
      query = build(db, ...placeholders).compile();
      const { parameters } = query;
      if (
        parameters.length !== placeholders.length ||
        parameters.some((parameter, index) => parameter !== placeholders[index])
      )
        throw new Error(
          `compiledOnce: parameters ${JSON.stringify(parameters)} are not the placeholders`,
        );
      compiled.set(db, query);
    }
    const result = await db.executeQuery<Row>({ ...query, parameters: values });
    return result.rows;
  };
}
