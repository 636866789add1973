import { insertUser } from '@steadfast/db';
import { createTestDatabase, databaseKinds, type TestDatabase } from '@steadfast/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fieldErrors, rejection } from '../__tests__/rejections.ts';
import { sequentialIds } from '../__tests__/test-api.ts';
import { createCaller } from '../root.ts';

describe.each(databaseKinds)('an account manager naming a malformed id on %s', (kind) => {
  let database: TestDatabase;
  let manager: ReturnType<typeof createCaller>;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
    const newId = sequentialIds();
    const managerId = newId();
    const now = '2026-11-24T10:00:00.000Z';
    await insertUser(database.db, {
      id: managerId,
      name: 'Ada Owner',
      email: 'ada@example.com',
      role: 'account_manager',
      createdAt: now,
    });
    manager = createCaller({ db: database.db, now: () => now, newId, actorId: managerId });
  });
  afterAll(async () => {
    await database?.close();
  });

  // PostgreSQL refuses a NUL in text outright: looking one up for the ownership check was a 500.
  it.each(['\u0000', 'a\u0000b', 'not-a-uuid'])(
    'is told the id is malformed (400 naming the field), not a server error, for %j',
    async (id) => {
      for (const [call, field] of [
        [() => manager.risk.review({ id }), 'id'],
        [() => manager.promise.get({ id }), 'id'],
        [() => manager.charter.get({ accountId: id }), 'accountId'],
        [() => manager.trust.account({ accountId: id }), 'accountId'],
      ] as const) {
        const error = await rejection(call());
        expect(error.code).toBe('BAD_REQUEST');
        expect(Object.keys(fieldErrors(error))).toContain(field);
      }
    },
  );
});
