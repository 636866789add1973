import type { Db } from '../schema/database.ts';

/** What an id in a request can name, and so which account it belongs to. */
export type OwnedEntity = 'account' | 'promise' | 'request' | 'touchpoint';

/**
 * The account manager who owns the account an entity belongs to (an account's own owner, or the
 * owner of the promise's, request's or touchpoint's account); undefined when there is no such
 * entity.
 */
export async function ownerOfEntity(
  db: Db,
  entity: OwnedEntity,
  id: string,
): Promise<string | undefined> {
  if (entity === 'account') {
    const row = await db
      .selectFrom('accounts')
      .select('owner_id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.owner_id;
  }
  const table =
    entity === 'promise' ? 'promises' : entity === 'request' ? 'requests' : 'touchpoints';
  const row = await db
    .selectFrom(table)
    .innerJoin('accounts', 'accounts.id', `${table}.account_id`)
    .select('accounts.owner_id')
    .where(`${table}.id`, '=', id)
    .executeTakeFirst();
  return row?.owner_id;
}
