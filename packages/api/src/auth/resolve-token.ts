import { type Db, findApiToken, touchApiToken } from '@steadfast/db';
import type { ApiToken } from '@steadfast/domain';
import { parsePresentedToken, secretMatches } from './api-token-secrets.ts';

/**
 * The integration token behind an `Authorization: Bearer …` value, or null when it is unknown,
 * malformed, revoked or its secret does not match. Its last use is noted.
 */
export async function resolveBearerToken(
  db: Db,
  presented: string,
  now: string,
): Promise<ApiToken | null> {
  const parsed = parsePresentedToken(presented);
  if (parsed === null) return null;
  const token = await findApiToken(db, parsed.tokenId);
  if (
    token === undefined ||
    token.revokedAt !== null ||
    !secretMatches(parsed.secret, token.secretHash)
  )
    return null;
  // The last use is kept to the minute (touchApiToken writes at most once a minute): a token
  // used within the minute needs no write, and a polling integration's reads stay reads.
  if (token.lastUsedAt === null || Date.parse(now) - Date.parse(token.lastUsedAt) >= 60_000) {
    await touchApiToken(db, token.id, now);
  }
  const { secretHash: _secretHash, ...listed } = token;
  return listed;
}
