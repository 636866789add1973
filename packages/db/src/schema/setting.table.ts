import type { Selectable } from 'kysely';

/** Company-wide settings, one JSON document per key, versioned against concurrent edits. */
export interface SettingTable {
  key: string;
  value: string;
  version: number;
  updated_at: string;
}

export type SettingRow = Selectable<SettingTable>;
