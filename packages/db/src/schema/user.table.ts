import type { Insertable, Selectable } from 'kysely';

export interface UserTable {
  id: string;
  name: string;
  email: string;
  role: string;
  created_at: string;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
