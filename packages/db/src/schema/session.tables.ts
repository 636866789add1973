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

/** An integration's token: only the hash of its secret is kept; it is shown once. */
export interface ApiTokenTable {
  id: string;
  name: string;
  secret_hash: string;
  /** JSON array of scopes, e.g. ["promises:write"]. */
  scopes: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SessionTables {
  api_tokens: ApiTokenTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
}
