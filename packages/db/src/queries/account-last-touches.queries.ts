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
      quiet_since: touch.at,
      // Only when the account has no row yet (it gets one when created).
      stage: sql<string>`(select accounts.stage from accounts where accounts.id = ${touch.accountId})`,
    })
    .onConflict((oc) =>
      oc.column('account_id').doUpdateSet({
        // max() of two values, spelled the same in SQLite and PostgreSQL.
        [column]: sql<string>`case when account_last_touches.${sql.ref(column)} is null or excluded.${sql.ref(column)} > account_last_touches.${sql.ref(column)} then excluded.${sql.ref(column)} else account_last_touches.${sql.ref(column)} end`,
        // Quiet since the latest touch; until the first one, since the account was created.
        quiet_since: sql<string>`case when (account_last_touches.promise_made_at is null and account_last_touches.promise_fulfilled_at is null and account_last_touches.touchpoint_done_at is null) or account_last_touches.quiet_since is null or excluded.quiet_since > account_last_touches.quiet_since then excluded.quiet_since else account_last_touches.quiet_since end`,
      }),
    )
    .execute();
}

export interface AccountLastTouch {
  accountId: string;
  promiseMadeAt: string | null;
  promiseFulfilledAt: string | null;
  touchpointDoneAt: string | null;
  quietSince: string | null;
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
      quietSince: row.quiet_since,
    }
  );
}

/** Gives a new account its row, quiet since it was created until its first touch. */
export async function recordAccountCreated(
  db: Db,
  account: { accountId: string; createdAt: string; stage: string },
): Promise<void> {
  await db
    .insertInto('account_last_touches')
    .values({
      account_id: account.accountId,
      promise_made_at: null,
      promise_fulfilled_at: null,
      touchpoint_done_at: null,
      quiet_since: account.createdAt,
      stage: account.stage,
    })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .execute();
}

/** The later of two nullable instants (ISO strings compare in time order), in both SQLs. */
const laterOf = (a: ReturnType<typeof sql>, b: ReturnType<typeof sql>) =>
  sql<
    string | null
  >`case when ${a} is null then ${b} when ${b} is null or ${a} >= ${b} then ${a} else ${b} end`;

/**
 * Recomputes every account's latest touches from the promises and touchpoints: after a bulk load
 * that wrote them without the write path. Two grouped scans, then each account's quiet_since.
 */
export async function rebuildAccountLastTouches(db: Db): Promise<void> {
  await db.deleteFrom('account_last_touches').execute();
  await db
    .insertInto('account_last_touches')
    .columns([
      'account_id',
      'stage',
      'promise_made_at',
      'promise_fulfilled_at',
      'touchpoint_done_at',
    ])
    .expression(
      db.selectFrom('accounts').select((eb) => [
        'accounts.id',
        'accounts.stage',
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
  const latest = laterOf(
    laterOf(sql.ref('promise_made_at'), sql.ref('promise_fulfilled_at')),
    sql.ref('touchpoint_done_at'),
  );
  await db
    .updateTable('account_last_touches')
    .set({
      quiet_since: sql<string>`coalesce(${latest}, (select accounts.created_at from accounts where accounts.id = account_last_touches.account_id))`,
    })
    .execute();
}
