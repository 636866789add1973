import type { Db } from './schema/database.ts';

/** Runs `work` in a transaction: the one given, or a new one that commits when `work` resolves. */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}
