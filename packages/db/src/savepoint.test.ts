import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { seedOwnerAndAccount } from './__tests__/test-database.ts';
import { countAccounts } from './queries/account.queries.ts';
import { keepIf } from './savepoint.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './testing/test-database.ts';

describe.each(databaseKinds)('keepIf on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
  });
  afterEach(async () => {
    await database.close();
  });

  it('keeps the writes of work that says so, and drops those of work that does not', async () => {
    const kept = await keepIf(database.db, async (trx) => {
      await seedOwnerAndAccount(trx as typeof database.db);
      return { keep: true, value: 'kept' };
    });
    const dropped = await keepIf(database.db, async (trx) => {
      await seedOwnerAndAccount(trx as typeof database.db);
      return { keep: false, value: 'dropped' };
    });

    expect([kept, dropped]).toEqual(['kept', 'dropped']);
    expect(await countAccounts(database.db)).toBe(1);
  });

  it('inside a running transaction, drops only its own writes and lets the transaction go on', async () => {
    await database.db.transaction().execute(async (trx) => {
      await seedOwnerAndAccount(trx as unknown as typeof database.db);
      await keepIf(trx, async (inner) => {
        await seedOwnerAndAccount(inner as typeof database.db);
        return { keep: false, value: null };
      });
      await expect(
        keepIf(trx, async (inner) => {
          await seedOwnerAndAccount(inner as typeof database.db);
          // A statement that fails: on PostgreSQL it would poison the transaction but for the savepoint.
          await inner
            .selectFrom('no_such_table' as never)
            .selectAll()
            .execute();
          return { keep: true, value: null };
        }),
      ).rejects.toThrow();
      await keepIf(trx, async (inner) => {
        await seedOwnerAndAccount(inner as typeof database.db);
        return { keep: true, value: null };
      });
    });

    expect(await countAccounts(database.db)).toBe(2);
  });
});
