import { DomainError } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';

/** A stored setting as JSON, with the version a writer must name to change it (0: never set). */
export async function readSetting(
  db: Db,
  key: string,
): Promise<{ value: unknown; version: number }> {
  const row = await db.selectFrom('settings').selectAll().where('key', '=', key).executeTakeFirst();
  if (row === undefined) return { value: undefined, version: 0 };
  return { value: JSON.parse(row.value) as unknown, version: Number(row.version) };
}

/**
 * Writes a setting at the version the writer read (0 for one never set) and returns the new
 * version; someone else's change in between is a `version_conflict`.
 */
export async function writeSetting(
  db: Db,
  change: { key: string; value: unknown; expectedVersion: number; now: string },
): Promise<number> {
  const value = JSON.stringify(change.value);
  const nextVersion = change.expectedVersion + 1;
  const written =
    change.expectedVersion === 0
      ? await db
          .insertInto('settings')
          .values({ key: change.key, value, version: 1, updated_at: change.now })
          .onConflict((oc) => oc.column('key').doNothing())
          .executeTakeFirst()
          .then((r) => Number(r.numInsertedOrUpdatedRows ?? 0n))
      : await db
          .updateTable('settings')
          .set({ value, version: nextVersion, updated_at: change.now })
          .where('key', '=', change.key)
          .where('version', '=', change.expectedVersion)
          .executeTakeFirst()
          .then((r) => Number(r.numUpdatedRows));
  if (written === 1) return nextVersion;
  const current = await readSetting(db, change.key);
  throw new DomainError({
    code: 'version_conflict',
    kind: 'conflict',
    field: 'expectedVersion',
    message: `The ${change.key} settings are at version ${current.version}, not ${change.expectedVersion}: reload them and try again.`,
    details: { currentVersion: current.version },
  });
}
