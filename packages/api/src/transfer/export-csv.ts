import {
  type Db,
  findAccountsByIds,
  findExternalIds,
  listIdsPage,
  listUsers,
  loadEventsOfPromises,
} from '@steadfast/db';
import {
  type Account,
  type AccountCsvRecord,
  accountCsvRecord,
  businessMinutesBetween,
  derivePromiseState,
  type Instant,
  type PromiseCsvRecord,
  promiseCsvRecord,
  promiseOutcome,
} from '@steadfast/domain';
import { accountCalendar, loadAnalyticsSettings } from '../analytics/analytics-settings.ts';

/** Rows read per page: big enough to be quick, small enough that no export holds a store. */
export const exportPageSize = 500;

/** Every user's e-mail address by id: owners are named by e-mail in a CSV (users are few). */
async function emailsById(db: Db): Promise<Map<string, string>> {
  return new Map((await listUsers(db)).map((user) => [user.id, user.email]));
}

/** The ids of a table, one page at a time, in id order (keyset: no page is read twice). */
async function* idPages(db: Db, table: 'accounts' | 'promises', pageSize: number) {
  let afterId: string | null = null;
  for (;;) {
    const ids = await listIdsPage(db, table, { afterId, limit: pageSize });
    if (ids.length === 0) return;
    yield ids;
    afterId = ids.at(-1) ?? null;
  }
}

/** Accounts of these ids, by id. */
async function accountsById(db: Db, ids: readonly string[]): Promise<Map<string, Account>> {
  return new Map((await findAccountsByIds(db, [...new Set(ids)])).map((a) => [a.id, a]));
}

/** Every account as a row of the accounts CSV, read a page at a time in id order. */
export async function* exportAccountRecords(
  db: Db,
  options: { pageSize?: number } = {},
): AsyncGenerator<AccountCsvRecord> {
  const emails = await emailsById(db);
  for await (const ids of idPages(db, 'accounts', options.pageSize ?? exportPageSize)) {
    const [accounts, externalIds] = await Promise.all([
      accountsById(db, ids),
      findExternalIds(db, 'account', ids),
    ]);
    for (const id of ids) {
      const account = accounts.get(id);
      if (account === undefined) continue;
      yield accountCsvRecord(account, {
        externalId: externalIds.get(id) ?? null,
        ownerEmail: emails.get(account.ownerId) ?? '',
      });
    }
  }
}

/**
 * Every promise as a row of the promise history CSV, read a page at a time in id order: its state
 * derived from its events, its account named by external id (else by name), and its outcome as of
 * `now` in its account's business time.
 */
export async function* exportPromiseRecords(
  db: Db,
  options: { now: Instant; pageSize?: number },
): AsyncGenerator<PromiseCsvRecord> {
  const emails = await emailsById(db);
  const { settings } = await loadAnalyticsSettings(db);
  for await (const ids of idPages(db, 'promises', options.pageSize ?? exportPageSize)) {
    const [events, promiseExternalIds] = await Promise.all([
      loadEventsOfPromises(db, ids),
      findExternalIds(db, 'promise', ids),
    ]);
    const states = ids.flatMap((id) => {
      const history = events.get(id) ?? [];
      return history.length === 0 ? [] : [derivePromiseState(history)];
    });
    const accountIds = states.map((state) => state.terms.accountId);
    const [accounts, accountExternalIds] = await Promise.all([
      accountsById(db, accountIds),
      findExternalIds(db, 'account', [...new Set(accountIds)]),
    ]);
    for (const state of states) {
      const account = accounts.get(state.terms.accountId);
      if (account === undefined) continue;
      const calendar = accountCalendar(account, settings);
      const outcome = promiseOutcome(state, {
        businessMinutesBetween: (from, to) => businessMinutesBetween(calendar, from, to),
        now: options.now,
      });
      yield promiseCsvRecord(state, {
        externalId: promiseExternalIds.get(state.id) ?? null,
        account: accountExternalIds.get(account.id) ?? account.name,
        ownerEmail: emails.get(state.terms.ownerId) ?? '',
        result: outcome.kind,
      });
    }
  }
}
