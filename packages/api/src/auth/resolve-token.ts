import { type Db, findApiToken, touchApiToken } from '@steadfast/db';
import type { ApiToken } from '@steadfast/domain';
import { parsePresentedToken, secretMatches } from './api-token-secrets.ts';

/**
 * How long a token found good is taken on trust without reading it again. A polling integration
 * sends the same token on every call; reading and mapping its row each time cost as much as the
 * read it asked for. Revoking a token through this process forgets it at once
 * (`forgetVerifiedToken`); another process sharing the store refuses it within this time.
 */
const verifiedForMs = 5_000;
/** Tokens are few; the bound only keeps a flood of distinct (valid) tokens from growing memory. */
const verifiedLimit = 1_000;
/** Every use of a token is noted to the minute: see `resolveBearerToken`. */
const touchEveryMs = 60_000;

interface Verified {
  db: Db;
  token: ApiToken;
  secretHash: string;
  /** Epoch ms (of the caller's clock) until which the entry is trusted. */
  until: number;
}

const verifiedTokens = new Map<string, Verified>();
/**
 * Tokens revoked through this process are never taken on trust again, but read on every use: a
 * use that read the token just before the revoke committed (or a revoke that rolled back) cannot
 * leave a stale entry behind. A revoke cannot be undone, and revokes are rare: the set stays small.
 */
const revokedHere = new Set<string>();

/** From now on, the token is read from the store on each use: called when it is being revoked. */
export function forgetVerifiedToken(tokenId: string): void {
  revokedHere.add(tokenId);
  verifiedTokens.delete(tokenId);
}

/** The token as the store holds it after this use (its last use noted when due). */
async function touchWhenDue(db: Db, token: ApiToken, now: string): Promise<ApiToken> {
  // The last use is kept to the minute (touchApiToken writes at most once a minute): a token
  // used within the minute needs no write, and a polling integration's reads stay reads.
  if (token.lastUsedAt !== null && Date.parse(now) - Date.parse(token.lastUsedAt) < touchEveryMs)
    return token;
  await touchApiToken(db, token.id, now);
  return { ...token, lastUsedAt: now };
}

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
  const nowMs = Date.parse(now);
  const known = verifiedTokens.get(parsed.tokenId);
  if (known !== undefined && known.db === db && nowMs < known.until) {
    if (!secretMatches(parsed.secret, known.secretHash)) return null;
    const token = known.token;
    known.token = await touchWhenDue(db, token, now);
    return token;
  }
  const found = await findApiToken(db, parsed.tokenId);
  if (
    found === undefined ||
    found.revokedAt !== null ||
    !secretMatches(parsed.secret, found.secretHash)
  )
    return null;
  const { secretHash, ...token } = found;
  const touched = await touchWhenDue(db, token, now);
  if (!revokedHere.has(token.id)) {
    if (verifiedTokens.size >= verifiedLimit && !verifiedTokens.has(token.id)) {
      // The oldest entry goes first (a Map keeps insertion order).
      const oldest = verifiedTokens.keys().next().value;
      if (oldest !== undefined) verifiedTokens.delete(oldest);
    }
    verifiedTokens.set(token.id, { db, token: touched, secretHash, until: nowMs + verifiedForMs });
  }
  return token;
}
