import type { Db } from '@steadfast/db';
import type { ApiToken, Instant } from '@steadfast/domain';

/**
 * How a procedure starts or ends the caller's session: the HTTP layer sets or clears an httpOnly,
 * SameSite cookie; other callers (tests, the desktop's local mode) keep the token themselves.
 */
export interface SessionCookie {
  /** The session token the caller presented, if any. */
  token: string | null;
  start(token: string, expiresAt: Instant): void;
  end(): void;
}

/** What every procedure gets: the store, the clock and the id source (passed in, never global). */
export interface ApiContext {
  db: Db;
  now: () => Instant;
  newId: () => string;
  /** Who is calling: the logged-in user's id; null for an anonymous caller or the system itself. */
  actorId: string | null;
  /** The caller's session cookie; absent where there is none to manage. */
  session?: SessionCookie;
  /** The integration token the caller presented (Authorization: Bearer), when it is one. */
  token?: ApiToken | null;
  /**
   * Set by the access check: an account manager's own id (lists show only their accounts), or
   * null for callers who see every account.
   */
  ownerScope?: string | null;
  /**
   * Set while an import replays history that already happened (a promise kept last March): it is
   * recorded and scored, but nothing is announced to webhook subscribers, who only hear of news.
   */
  replayingHistory?: boolean;
}
