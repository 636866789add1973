import { insertUser } from '@steadfast/db';
import { createTestDatabase, databaseKinds, type TestDatabase } from '@steadfast/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fieldErrors, rejection } from '../__tests__/rejections.ts';
import { sequentialIds } from '../__tests__/test-api.ts';
import { createCaller } from '../root.ts';
import { nulCharacterIssues } from './nul-characters.ts';

describe('nulCharacterIssues', () => {
  it('names every string and key holding a NUL, however deep', () => {
    const input = {
      title: 'a\u0000b',
      terms: [{ note: 'fine' }, { note: '\u0000' }],
      'k\u0000': 1,
    };
    expect(
      nulCharacterIssues(input)
        .map((issue) => issue.path.join('.'))
        .sort(),
    ).toEqual(['k\u0000', 'terms.1.note', 'title']);
    expect(nulCharacterIssues({ title: 'no NUL here', n: 0, list: [null, true] })).toEqual([]);
  });

  it('walks an input nested far deeper than a call stack goes', () => {
    let deep: unknown = '\u0000';
    for (let level = 0; level < 200_000; level++) deep = [deep];
    expect(nulCharacterIssues(deep)).toHaveLength(1);
  });
});

describe.each(databaseKinds)('text holding a NUL character on %s', (kind) => {
  let database: TestDatabase;
  let admin: ReturnType<typeof createCaller>;
  let adminId: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
    const newId = sequentialIds();
    adminId = newId();
    const now = '2026-11-24T10:00:00.000Z';
    await insertUser(database.db, {
      id: adminId,
      name: 'Sam Admin',
      email: 'sam@example.com',
      role: 'admin',
      createdAt: now,
    });
    admin = createCaller({ db: database.db, now: () => now, newId, actorId: adminId });
  });
  afterAll(async () => {
    await database?.close();
  });

  // PostgreSQL fails any statement with a NUL in text: these were 500s, and wrote nothing.
  it('is refused as bad input naming the field, in a write or a read, and nothing is stored', async () => {
    for (const [call, field] of [
      [() => admin.team.create({ name: 'Desk\u0000' }), 'name'],
      [() => admin.account.create({ name: 'North\u0000wind', ownerId: adminId }), 'name'],
      [() => admin.audit.list({ entityId: '\u0000' }), 'entityId'],
    ] as const) {
      const error = await rejection(call());
      expect(error.code).toBe('BAD_REQUEST');
      expect(fieldErrors(error)).toEqual({
        [field]: ['must not contain the NUL character (U+0000)'],
      });
    }
    expect(await database.db.selectFrom('accounts').selectAll().execute()).toEqual([]);
    expect(await database.db.selectFrom('teams').selectAll().execute()).toEqual([]);
  });
});
