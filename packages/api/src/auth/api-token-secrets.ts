import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An integration token as its holder sees it: `sf_<token id>_<secret>`. The id finds the token;
 * only the SHA-256 of the 256-bit secret is stored, so a stolen database holds no usable token.
 */
export function newTokenSecret(tokenId: string): { presented: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { presented: `sf_${tokenId}_${secret}`, secretHash: secretHash(secret) };
}

function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Splits a presented token into its id and secret; null when it is not of that form. */
export function parsePresentedToken(presented: string): { tokenId: string; secret: string } | null {
  const match = /^sf_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/.exec(presented);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { tokenId: match[1], secret: match[2] };
}

/** Whether a presented secret matches the stored hash, compared in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(secretHash(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
