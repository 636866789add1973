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
  await touchApiToken(db, token.id, now);
  const { secretHash: _secretHash, ...listed } = token;
  return listed;
}
