import type { User } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';
import { findUser } from './user.queries.ts';

/** Sets (or removes, with null) the hash a user's password is checked against. */
export async function setUserPasswordHash(
  db: Db,
  userId: string,
  passwordHash: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('id', '=', userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The user with this e-mail address (any case) and their password hash, for logging in. */
export async function findLoginCredentials(
  db: Db,
  email: string,
): Promise<{ userId: string; passwordHash: string | null } | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  return row && { userId: row.id, passwordHash: row.password_hash };
}

export async function insertSession(
  db: Db,
  session: { tokenHash: string; userId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The user a session token hash belongs to, while the session has not expired. */
export async function findSessionUser(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<User | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select('user_id')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row === undefined ? undefined : findUser(db, row.user_id);
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/**
 * Counts one more failed login for an address within a window starting at its first failure; a
 * window older than `windowMs` starts again. Returns the failures in the current window.
 */
export async function recordLoginFailure(
  db: Db,
  failure: { email: string; now: string; windowMs: number },
): Promise<number> {
  const email = failure.email.toLowerCase();
  const windowFloor = new Date(Date.parse(failure.now) - failure.windowMs).toISOString();
  const current = await db
    .selectFrom('login_failures')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
  if (current === undefined || current.window_start <= windowFloor) {
    await db
      .insertInto('login_failures')
      .values({ email, window_start: failure.now, failures: 1 })
      .onConflict((oc) =>
        oc.column('email').doUpdateSet({ window_start: failure.now, failures: 1 }),
      )
      .execute();
    return 1;
  }
  await db
    .updateTable('login_failures')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('email', '=', email)
    .execute();
  return Number(current.failures) + 1;
}

/** The failures counted against an address in the window still running (0 when none). */
export async function loginFailuresInWindow(
  db: Db,
  check: { email: string; now: string; windowMs: number },
): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .selectAll()
    .where('email', '=', check.email.toLowerCase())
    .executeTakeFirst();
  if (row === undefined) return 0;
  const windowFloor = new Date(Date.parse(check.now) - check.windowMs).toISOString();
  return row.window_start <= windowFloor ? 0 : Number(row.failures);
}

export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email.toLowerCase()).execute();
}
