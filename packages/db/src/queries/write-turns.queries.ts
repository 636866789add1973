import { PostgresAdapter } from 'kysely';
import type { Db } from '../schema/database.ts';

// Writers of one promise or one charter read, decide and write in one transaction. Under
// PostgreSQL's READ COMMITTED two such transactions both read the same version, and the loser
// fails on a unique key after the winner commits, when its transaction can no longer say which
// version won. Holding the row first makes them take turns: the second reads what the first wrote
// and the domain names the version it finds. SQLite runs one write transaction at a time already.

/** Whether `db` is a PostgreSQL store (where writers must hold rows to take turns). */
export function onPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Holds a promise's projection row until the transaction ends (PostgreSQL), before reading it. */
export async function holdPromiseForChange(trx: Db, promiseId: string): Promise<void> {
  if (!onPostgres(trx)) return;
  // NO KEY UPDATE: rows that merely reference the promise can still be inserted meanwhile.
  await trx
    .selectFrom('promises')
    .select('id')
    .where('id', '=', promiseId)
    .forNoKeyUpdate()
    .execute();
}

/**
 * Holds an account's row until the transaction ends (PostgreSQL): the turn of its charter, which
 * may not exist yet when the first version is saved.
 */
export async function holdAccountForChange(trx: Db, accountId: string): Promise<void> {
  if (!onPostgres(trx)) return;
  await trx
    .selectFrom('accounts')
    .select('id')
    .where('id', '=', accountId)
    .forNoKeyUpdate()
    .execute();
}
