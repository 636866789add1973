import type { PromiseEvent } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';
import { rowToEvent } from './promise.mapping.ts';

/** What an imported row became: an account or a promise. */
export type ImportedKind = 'account' | 'promise';

/** Notes that the row with this external id became this account or promise. */
export async function insertImportKey(
  db: Db,
  key: { kind: ImportedKind; externalId: string; entityId: string; importedAt: string },
): Promise<void> {
  await db
    .insertInto('import_keys')
    .values({
      kind: key.kind,
      external_id: key.externalId,
      entity_id: key.entityId,
      imported_at: key.importedAt,
    })
    .execute();
}

/** The account or promise an earlier import made of the row with this external id. */
export async function findImportedEntity(
  db: Db,
  kind: ImportedKind,
  externalId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('import_keys')
    .select('entity_id')
    .where('kind', '=', kind)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return row?.entity_id;
}

/** The external ids of those of these accounts or promises that came from an import. */
export async function findExternalIds(
  db: Db,
  kind: ImportedKind,
  entityIds: readonly string[],
): Promise<Map<string, string>> {
  if (entityIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('import_keys')
    .select(['entity_id', 'external_id'])
    .where('kind', '=', kind)
    .where('entity_id', 'in', [...entityIds])
    .execute();
  return new Map(rows.map((row) => [row.entity_id, row.external_id]));
}

/** The ids of the accounts with exactly this name (names are not unique; callers decide). */
export async function findAccountIdsNamed(db: Db, name: string): Promise<string[]> {
  const rows = await db
    .selectFrom('accounts')
    .select('id')
    .where('name', '=', name)
    .orderBy('id')
    .limit(2)
    .execute();
  return rows.map((row) => row.id);
}

/** Is there already a promise to this account with this title, made at this moment? */
export async function hasPromiseLike(
  db: Db,
  promise: { accountId: string; title: string; madeAt: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('promises')
    .select('id')
    .where('account_id', '=', promise.accountId)
    .where('title', '=', promise.title)
    .where('made_at', '=', promise.madeAt)
    .executeTakeFirst();
  return row !== undefined;
}

/** One page of ids of a table read in id order, after `afterId`: how an export walks a table. */
export async function listIdsPage(
  db: Db,
  table: 'accounts' | 'promises',
  page: { afterId: string | null; limit: number },
): Promise<string[]> {
  let query = db.selectFrom(table).select('id').orderBy('id').limit(page.limit);
  if (page.afterId !== null) query = query.where('id', '>', page.afterId);
  const rows = await query.execute();
  return rows.map((row) => row.id);
}

/** The events of these promises, grouped by promise, each in the order it was recorded. */
export async function loadEventsOfPromises(
  db: Db,
  promiseIds: readonly string[],
): Promise<Map<string, PromiseEvent[]>> {
  const byPromise = new Map<string, PromiseEvent[]>(promiseIds.map((id) => [id, []]));
  if (promiseIds.length === 0) return byPromise;
  const rows = await db
    .selectFrom('promise_events')
    .selectAll()
    .where('promise_id', 'in', [...promiseIds])
    .orderBy('promise_id')
    .orderBy('sequence')
    .execute();
  for (const row of rows) byPromise.get(row.promise_id)?.push(rowToEvent(row));
  return byPromise;
}
