/** A logged-in browser or app: only the hash of its token is kept. */
export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

/** Failed logins per e-mail address in the current window, for rate limiting. */
export interface LoginFailureTable {
  email: string;
  window_start: string;
  failures: number;
}

export interface SessionTables {
  sessions: SessionTable;
  login_failures: LoginFailureTable;
}
