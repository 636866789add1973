import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { seedOwnerAndAccount, testId } from '../__tests__/test-database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { inTransaction } from '../transaction.ts';
import { findAccount, insertContact, listContacts } from './account.queries.ts';
import { compiledOnce } from './compiled-once.ts';

describe.each(databaseKinds)('reads compiled once on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
  });
  afterEach(async () => {
    await database.close();
  });

  it('answer each call with its own values, outside and inside a transaction', async () => {
    const { db } = database;
    const first = (await seedOwnerAndAccount(db)).account;
    const second = (await seedOwnerAndAccount(db)).account;
    for (const [name, accountId] of [
      ['Zoe', first.id],
      ['Al', first.id],
      ['Bo', second.id],
    ] as const) {
      await insertContact(db, {
        id: testId(),
        accountId,
        name,
        email: null,
        phone: null,
        role: null,
        createdAt: '2026-11-24T10:00:00.000Z',
      });
    }
    // Twice: the first call compiles, the second reuses what it compiled.
    for (const store of [db, db]) {
      expect(await findAccount(store, first.id)).toEqual(first);
      expect(await findAccount(store, second.id)).toEqual(second);
      expect(await findAccount(store, testId())).toBeUndefined();
      expect((await listContacts(store, first.id)).map((contact) => contact.name)).toEqual([
        'Al',
        'Zoe',
      ]);
      expect((await listContacts(store, second.id)).map((contact) => contact.name)).toEqual(['Bo']);
    }
    await inTransaction(db, async (trx) => {
      expect(await findAccount(trx, second.id)).toEqual(second);
      expect(await listContacts(trx, first.id)).toHaveLength(2);
    });
  });

  it('refuses a query whose parameters are not the placeholders given', async () => {
    const byNameAndStage = compiledOnce(
      (db, name: string) =>
        db
          .selectFrom('accounts')
          .selectAll()
          .where('name', '=', name)
          .where('stage', '=', 'active'),
      ['(name)'],
    );
    await expect(byNameAndStage(database.db, 'Fabrikam')).rejects.toThrow(/placeholders/);
  });
});
