import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { now, seedOwnerAndAccount, seedPromise, testId } from '../__tests__/test-database.ts';
import { isUniqueViolation } from '../connection.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import {
  findAccountIdsNamed,
  findExternalIds,
  findImportedEntity,
  hasPromiseLike,
  insertImportKey,
  listIdsPage,
  loadEventsOfPromises,
} from './transfer.queries.ts';

describe.each(databaseKinds)('import keys and export pages on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
  });
  afterEach(async () => {
    await database.close();
  });

  it('remembers what a row with an external id became, and refuses the same id twice', async () => {
    const { account } = await seedOwnerAndAccount(database.db);
    const key = {
      kind: 'account' as const,
      externalId: 'CRM-1',
      entityId: account.id,
      importedAt: now,
    };
    await insertImportKey(database.db, key);

    expect(await findImportedEntity(database.db, 'account', 'CRM-1')).toBe(account.id);
    expect(await findImportedEntity(database.db, 'promise', 'CRM-1')).toBeUndefined();
    expect(await findExternalIds(database.db, 'account', [account.id, testId()])).toEqual(
      new Map([[account.id, 'CRM-1']]),
    );
    const again = await insertImportKey(database.db, key).catch((error: unknown) => error);
    expect(isUniqueViolation(again)).toBe(true);
  });

  it('finds accounts by exact name and promises by account, title and moment made', async () => {
    const { owner, account } = await seedOwnerAndAccount(database.db);
    const promise = await seedPromise(database.db, { accountId: account.id, ownerId: owner.id });

    expect(await findAccountIdsNamed(database.db, account.name)).toEqual([account.id]);
    expect(await findAccountIdsNamed(database.db, account.name.toUpperCase())).toEqual([]);
    const like = {
      accountId: account.id,
      title: promise.terms.title,
      madeAt: promise.terms.madeAt,
    };
    expect(await hasPromiseLike(database.db, like)).toBe(true);
    expect(await hasPromiseLike(database.db, { ...like, madeAt: now })).toBe(false);
  });

  it('walks a table in id order one page at a time, and loads the events of a page at once', async () => {
    const { owner, account } = await seedOwnerAndAccount(database.db);
    const ids: string[] = [];
    for (let n = 0; n < 5; n += 1) {
      ids.push((await seedPromise(database.db, { accountId: account.id, ownerId: owner.id })).id);
    }

    const first = await listIdsPage(database.db, 'promises', { afterId: null, limit: 2 });
    const second = await listIdsPage(database.db, 'promises', {
      afterId: first.at(-1) ?? null,
      limit: 2,
    });
    const last = await listIdsPage(database.db, 'promises', {
      afterId: second.at(-1) ?? null,
      limit: 2,
    });
    expect([...first, ...second, ...last]).toEqual([...ids].sort());
    expect(last).toHaveLength(1);

    const events = await loadEventsOfPromises(database.db, first);
    expect([...events.keys()]).toEqual(first);
    expect(events.get(first[0] ?? '')?.map((event) => event.type)).toEqual(['made']);
  });
});
