import { sql } from 'kysely';
import type { Db } from './schema/database.ts';

/**
 * Runs `work` all or nothing and keeps what it wrote only when it says so: in a transaction of
 * its own, or, inside a transaction already running, behind a savepoint (the same SQL on SQLite and
 * PostgreSQL). A dry run or a rejected batch rolls back just its own writes; an error rolls them
 * back and is thrown again.
 */
export async function keepIf<T>(
  db: Db,
  work: (trx: Db) => Promise<{ keep: boolean; value: T }>,
): Promise<T> {
  if (!db.isTransaction) {
    const outcome: { value?: T } = {};
    try {
      await db.transaction().execute(async (trx) => {
        const { keep, value } = await work(trx);
        outcome.value = value;
        if (!keep) throw new RollBack();
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
    return outcome.value as T;
  }
  await sql`savepoint keep_if`.execute(db);
  try {
    const { keep, value } = await work(db);
    if (!keep) await sql`rollback to savepoint keep_if`.execute(db);
    await sql`release savepoint keep_if`.execute(db);
    return value;
  } catch (error) {
    await sql`rollback to savepoint keep_if`.execute(db);
    await sql`release savepoint keep_if`.execute(db);
    throw error;
  }
}

/** Thrown inside a transaction to roll it back on purpose. */
class RollBack extends Error {}
