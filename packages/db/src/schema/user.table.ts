import type { Insertable, Selectable } from 'kysely';

export interface UserTable {
  id: string;
  name: string;
  email: string;
  role: string;
  team_id: string | null;
  /** argon2id PHC string; null: no password login. */
  password_hash: string | null;
  created_at: string;
}

export interface TeamTable {
  id: string;
  name: string;
  created_at: string;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
