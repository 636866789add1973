import type {
  Account,
  AccountStage,
  AccountTier,
  BusinessCalendar,
  Contact,
} from '@steadfast/domain';
import type { AccountRow } from '../schema/account.table.ts';
import type { ContactRow } from '../schema/contact.table.ts';
import type { Db } from '../schema/database.ts';
import { inTransaction } from '../transaction.ts';
import { recordAccountCreated } from './account-last-touches.queries.ts';
import { compiledOnce } from './compiled-once.ts';

/** An accounts row as the domain's Account (for reads that batch accounts with other rows). */
export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    stage: row.stage as AccountStage,
    tier: row.tier as AccountTier,
    timeZone: row.time_zone,
    customerSince: row.customer_since,
    // Written by insertAccount/setAccountCalendar from a validated calendar.
    calendar: row.calendar === null ? null : (JSON.parse(row.calendar) as BusinessCalendar),
    createdAt: row.created_at,
    version: row.version,
  };
}

function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    role: row.role,
  };
}

export async function insertAccount(db: Db, account: Account): Promise<void> {
  await inTransaction(db, async (trx) => {
    await insertAccountRow(trx, account);
    // Quiet since it was created, until its first touch (the neglected accounts' index).
    await recordAccountCreated(trx, {
      accountId: account.id,
      createdAt: account.createdAt,
      stage: account.stage,
    });
  });
}

async function insertAccountRow(db: Db, account: Account): Promise<void> {
  await db
    .insertInto('accounts')
    .values({
      id: account.id,
      name: account.name,
      owner_id: account.ownerId,
      stage: account.stage,
      tier: account.tier,
      time_zone: account.timeZone,
      customer_since: account.customerSince,
      calendar: account.calendar === null ? null : JSON.stringify(account.calendar),
      created_at: account.createdAt,
      version: account.version,
    })
    .execute();
}

const accountById = compiledOnce(
  (db, id: string) => db.selectFrom('accounts').selectAll().where('id', '=', id),
  ['(id)'],
);

export async function findAccount(db: Db, id: string): Promise<Account | undefined> {
  const [row] = await accountById(db, id);
  return row && toAccount(row);
}

export interface AccountFilter {
  ownerId?: string | undefined;
  stage?: AccountStage | undefined;
}

export async function listAccounts(db: Db, filter: AccountFilter = {}): Promise<Account[]> {
  let query = db.selectFrom('accounts').selectAll();
  if (filter.ownerId !== undefined) query = query.where('owner_id', '=', filter.ownerId);
  if (filter.stage !== undefined) query = query.where('stage', '=', filter.stage);
  const rows = await query.orderBy('name').orderBy('id').execute();
  return rows.map(toAccount);
}

export async function countAccounts(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function insertContact(
  db: Db,
  contact: Contact & { createdAt: string },
): Promise<void> {
  await db
    .insertInto('contacts')
    .values({
      id: contact.id,
      account_id: contact.accountId,
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
      role: contact.role,
      created_at: contact.createdAt,
    })
    .execute();
}

export async function findContact(db: Db, id: string): Promise<Contact | undefined> {
  const row = await db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toContact(row);
}

const contactsOfAccount = compiledOnce(
  (db, accountId: string) =>
    db.selectFrom('contacts').selectAll().where('account_id', '=', accountId).orderBy('name'),
  ['(account id)'],
);

export async function listContacts(db: Db, accountId: string): Promise<Contact[]> {
  const rows = await contactsOfAccount(db, accountId);
  return rows.map(toContact);
}

/** Gives an account its own business calendar (or back to the company's with null). */
export async function setAccountCalendar(
  db: Db,
  change: { accountId: string; calendar: BusinessCalendar | null },
): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set((eb) => ({
      calendar: change.calendar === null ? null : JSON.stringify(change.calendar),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', change.accountId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findAccountsByIds(db: Db, ids: readonly string[]): Promise<Account[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('accounts')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return rows.map(toAccount);
}

/** The names of the accounts with these ids (those that exist), for lists that show only names. */
export async function findAccountNames(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; name: string }[]> {
  const found: { id: string; name: string }[] = [];
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db
      .selectFrom('accounts')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(start, start + 500))
      .execute();
    found.push(...rows);
  }
  return found;
}

/** Accounts measured in the company calendar (those without one of their own). */
export async function listAccountIdsWithoutOwnCalendar(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('accounts').select('id').where('calendar', 'is', null).execute();
  return rows.map((row) => row.id);
}
