import type { ApiToken, TokenScope } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';
import type { ApiTokenTable } from '../schema/session.tables.ts';

function toToken(row: ApiTokenTable): ApiToken {
  return {
    id: row.id,
    name: row.name,
    // Written by insertApiToken from validated scopes.
    scopes: JSON.parse(row.scopes) as TokenScope[],
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertApiToken(
  db: Db,
  token: ApiToken & { secretHash: string },
): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: token.id,
      name: token.name,
      secret_hash: token.secretHash,
      scopes: JSON.stringify(token.scopes),
      created_by: token.createdBy,
      created_at: token.createdAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
}

/** A token and the hash its secret must match; revoked tokens are found too (to refuse them). */
export async function findApiToken(
  db: Db,
  id: string,
): Promise<(ApiToken & { secretHash: string }) | undefined> {
  const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { ...toToken(row), secretHash: row.secret_hash };
}

export async function listApiTokens(db: Db): Promise<ApiToken[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at').execute();
  return rows.map(toToken);
}

/** Revokes a token from now on; false when there is no such token. Revoking twice keeps the first time. */
export async function revokeApiToken(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(now)) }))
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Notes a token's use; written at most once a minute per token to keep reads cheap. */
export async function touchApiToken(db: Db, id: string, now: string): Promise<void> {
  const aMinuteAgo = new Date(Date.parse(now) - 60_000).toISOString();
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', aMinuteAgo)]))
    .execute();
}
