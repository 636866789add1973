import type { Insertable, Selectable } from 'kysely';

/**
 * What a CSV import made of a row with an external id: the account or promise it became. A
 * re-import finds the row here and skips it instead of making it twice.
 */
export interface ImportKeyTable {
  /** `account` or `promise`. */
  kind: string;
  /** The row's id in the system it came from. */
  external_id: string;
  /** The account's or promise's id in Steadfast. */
  entity_id: string;
  imported_at: string;
}

export type ImportKeyRow = Selectable<ImportKeyTable>;
export type NewImportKeyRow = Insertable<ImportKeyTable>;
