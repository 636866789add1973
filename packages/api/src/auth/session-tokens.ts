import { createHash, randomBytes } from 'node:crypto';

/** A new session token: 256 random bits, URL-safe. Only its hash is ever stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored for a token: its SHA-256. A token is random, so no salt or slow KDF is needed. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
