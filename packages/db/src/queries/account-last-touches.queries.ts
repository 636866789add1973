import { sql } from 'kysely';
import type { Db } from '../schema/database.ts';

// "Neglected accounts" asks of every served account when it was last touched. Read from the
// history that was a scan of every promise (and one per quiet account of all its promises); this
// projection keeps, per account, the latest moment of each kind, moved forward on write.

type TouchColumn = 'promise_made_at' | 'promise_fulfilled_at' | 'touchpoint_done_at';

/**
 * Moves an account's latest touch forward (never back) in the transaction of the write that
 * touched it: a promise made or fulfilled, a touchpoint done.
 */
export async function recordAccountTouch(
  db: Db,
  touch: { accountId: string; column: TouchColumn; at: string },
): Promise<void> {
  const { column } = touch;
  await db
    .insertInto('account_last_touches')
    .values({
      account_id: touch.accountId,
      promise_made_at: null,
      promise_fulfilled_at: null,
      touchpoint_done_at: null,
      [column]: touch.at,
    })
    .onConflict((oc) =>
      oc.column('account_id').doUpdateSet({
        // max() of two values, spelled the same in SQLite and PostgreSQL.
        [column]: sql<string>`case when account_last_touches.${sql.ref(column)} is null or excluded.${sql.ref(column)} > account_last_touches.${sql.ref(column)} then excluded.${sql.ref(column)} else account_last_touches.${sql.ref(column)} end`,
      }),
    )
    .execute();
}

export interface AccountLastTouch {
  accountId: string;
  promiseMadeAt: string | null;
  promiseFulfilledAt: string | null;
  touchpointDoneAt: string | null;
}

/** The latest touches of the given accounts (one row each at most). */
export async function findAccountLastTouch(
  db: Db,
  accountId: string,
): Promise<AccountLastTouch | undefined> {
  const row = await db
    .selectFrom('account_last_touches')
    .selectAll()
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return (
    row && {
      accountId: row.account_id,
      promiseMadeAt: row.promise_made_at,
      promiseFulfilledAt: row.promise_fulfilled_at,
      touchpointDoneAt: row.touchpoint_done_at,
    }
  );
}

/**
 * Recomputes every account's latest touches from the promises and touchpoints: after a bulk load
 * that wrote them without the write path. Two grouped scans.
 */
export async function rebuildAccountLastTouches(db: Db): Promise<void> {
  await db.deleteFrom('account_last_touches').execute();
  await db
    .insertInto('account_last_touches')
    .columns(['account_id', 'promise_made_at', 'promise_fulfilled_at', 'touchpoint_done_at'])
    .expression(
      db.selectFrom('accounts').select((eb) => [
        'accounts.id',
        eb
          .selectFrom('promises')
          .select((p) => p.fn.max('made_at').as('m'))
          .whereRef('promises.account_id', '=', 'accounts.id')
          .as('promise_made_at'),
        eb
          .selectFrom('promises')
          .select((p) => p.fn.max('fulfilled_at').as('f'))
          .whereRef('promises.account_id', '=', 'accounts.id')
          .as('promise_fulfilled_at'),
        eb
          .selectFrom('touchpoints')
          .select((t) => t.fn.max('done_at').as('d'))
          .whereRef('touchpoints.account_id', '=', 'accounts.id')
          .where('touchpoints.status', '=', 'done')
          .as('touchpoint_done_at'),
      ]),
    )
    .execute();
}
