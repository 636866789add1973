export const userRoles = ['account_manager', 'leader', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

/** Someone who works in Steadfast: an account manager, a leader or an admin. */
export interface User {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  /** The team they belong to, if any: trust is also scored per team. */
  teamId: string | null;
  createdAt: string;
}

/** A group of account managers whose trust is scored together. */
export interface Team {
  id: string;
  name: string;
  createdAt: string;
}
