import { randomBytes } from 'node:crypto';
import { tokenHash } from './session-tokens.ts';

/**
 * A new calendar feed secret: 256 random bits, URL-safe, and the SHA-256 that is all the store
 * keeps of it (the secret is random, so no salt or slow KDF is needed).
 */
export function newCalendarFeedSecret(): { secret: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, secretHash: tokenHash(secret) };
}

/** Where a calendar app fetches the feed, relative to the server: `/ical/<secret>.ics`. */
export function calendarFeedPath(secret: string): string {
  return `/ical/${secret}.ics`;
}

/**
 * The secret in the last segment of a feed URL (`<secret>.ics`); null when it is not of that
 * form, so a malformed request never reaches the store.
 */
export function parseCalendarFeedFile(file: string): string | null {
  const match = /^([A-Za-z0-9_-]{43})\.ics$/.exec(file);
  return match?.[1] ?? null;
}
