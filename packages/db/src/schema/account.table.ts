import type { Insertable, Selectable, Updateable } from 'kysely';

export interface AccountTable {
  id: string;
  name: string;
  owner_id: string;
  stage: string;
  tier: string;
  time_zone: string;
  /** Calendar date (YYYY-MM-DD) or null for a prospect. */
  customer_since: string | null;
  created_at: string;
  version: number;
  /** The client's own business calendar as JSON; null: the company's applies. */
  calendar: string | null;
}

export type AccountRow = Selectable<AccountTable>;
export type NewAccountRow = Insertable<AccountTable>;
export type AccountUpdate = Updateable<AccountTable>;
