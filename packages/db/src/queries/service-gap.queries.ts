import type { Account, CharterObservation, CharterVersion } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';
import { toAccount } from './account.queries.ts';
import { rowToObservation, rowToVersion } from './charter.mapping.ts';

// The service-gap dashboard judges every served account's charter over one window. Read per
// account that was three queries an account; these read the same rows in three queries in all.

/**
 * Every charter version of the accounts in the given stages, per account in version order, with
 * the account itself: bounded by the served accounts and their versions.
 */
export async function listChartersOfAccounts(
  db: Db,
  filter: { stages: readonly string[] },
): Promise<{ account: Account; versions: CharterVersion[] }[]> {
  if (filter.stages.length === 0) return [];
  const accounts = await db
    .selectFrom('accounts')
    .selectAll()
    .where('stage', 'in', [...filter.stages])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('charters')
          .select('account_id')
          .whereRef('charters.account_id', '=', 'accounts.id'),
      ),
    )
    .orderBy('name')
    .orderBy('id')
    .execute();
  const versions = await db
    .selectFrom('charter_versions')
    .innerJoin('accounts', 'accounts.id', 'charter_versions.account_id')
    .selectAll('charter_versions')
    .where('accounts.stage', 'in', [...filter.stages])
    .orderBy('charter_versions.account_id')
    .orderBy('charter_versions.version')
    .execute();
  const byAccount = new Map<string, CharterVersion[]>();
  for (const row of versions) {
    const list = byAccount.get(row.account_id) ?? [];
    list.push(rowToVersion(row));
    byAccount.set(row.account_id, list);
  }
  return accounts.map((row) => ({
    account: toAccount(row),
    versions: byAccount.get(row.id) ?? [],
  }));
}

/**
 * The observations that occurred in [from, to), per account, each account's in (occurred_at, id)
 * order: bounded by the window's observations (index charter_observations_occurred).
 */
export async function listObservationsBetween(
  db: Db,
  window: { from: string; to: string },
): Promise<Map<string, CharterObservation[]>> {
  const rows = await db
    .selectFrom('charter_observations')
    .selectAll()
    .where('occurred_at', '>=', window.from)
    .where('occurred_at', '<', window.to)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  const byAccount = new Map<string, CharterObservation[]>();
  for (const row of rows) {
    const list = byAccount.get(row.account_id) ?? [];
    list.push(rowToObservation(row));
    byAccount.set(row.account_id, list);
  }
  return byAccount;
}
