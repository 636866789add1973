export const userRoles = ['account_manager', 'leader', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

/** Someone who works in Steadfast: an account manager, a leader or an admin. */
export interface User {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  createdAt: string;
}
