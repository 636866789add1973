import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Db } from './schema/database.ts';

/**
 * Statements of a batch that repeat one shape (a 100-row INSERT into one table, an UPDATE of the
 * same columns) with other values: Kysely builds, compiles and freezes the query once per shape,
 * and each later one runs the same SQL with its own parameters. Building a query costs more than
 * SQLite takes to run a small one, and a batch runs thousands.
 *
 * A shape is reused only when its first compilation's parameters are exactly the values the
 * caller lists, in the caller's order: then the SQL's placeholders stand for those values in that
 * order, and they do for every statement of that shape. Otherwise (or when a value is undefined,
 * which Kysely leaves out of the SQL) every statement is built as before.
 */
export class CompiledShapes {
  readonly #byShape = new Map<string, CompiledQuery | null>();

  constructor(private readonly db: Db) {}

  /**
   * Runs the statement `build` makes, whose shape is `shape` and whose parameters are
   * `parameters` in the order they appear in its SQL.
   */
  async execute<Row>(options: {
    shape: string;
    parameters: readonly unknown[];
    build: () => Compilable<Row>;
  }): Promise<QueryResult<Row>> {
    const { shape, parameters } = options;
    const reusable = !parameters.includes(undefined);
    const known = reusable ? this.#byShape.get(shape) : null;
    if (known) return this.db.executeQuery<Row>({ ...known, parameters });
    const compiled = options.build().compile();
    if (known === undefined)
      this.#byShape.set(shape, sameValues(compiled.parameters, parameters) ? compiled : null);
    return this.db.executeQuery(compiled);
  }
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1)
    if (!Object.is(a[index], b[index])) return false;
  return true;
}

/** The values of `rows`, row after row, in the order of the first row's columns. */
export function rowValues(rows: readonly Record<string, unknown>[]): unknown[] {
  const columns = Object.keys(rows[0] ?? {});
  const values: unknown[] = [];
  for (const row of rows) {
    // A row with other columns has another shape: an undefined makes the batch build each query.
    if (Object.keys(row).length !== columns.length) values.push(undefined);
    for (const column of columns) values.push(row[column]);
  }
  return values;
}

/** The shape of a multi-row INSERT: its table, its columns and how many rows. */
export function insertShape(table: string, rows: readonly Record<string, unknown>[]): string {
  return `${table}\u0000${rows.length}\u0000${Object.keys(rows[0] ?? {}).join('\u0000')}`;
}
