import { emptyEvidence, evidenceAnchor, type TrustEvidence } from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import {
  addTrustEvidence,
  companyScope,
  findTrustEvidence,
  listTrustEvidence,
} from './trust-evidence.queries.ts';

function contribution(positive: number, negative: number): TrustEvidence {
  const base = emptyEvidence();
  return {
    ...base,
    asOf: evidenceAnchor,
    positive,
    negative,
    outcomes: 1,
    counts: { ...base.counts, on_time: negative === 0 ? 1 : 0, missed: negative === 0 ? 0 : 1 },
  };
}

describe.each(databaseKinds)('trust evidence on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
  });
  afterEach(async () => {
    await database.close();
  });

  it('adds every concurrent writer’s evidence: none is lost', async () => {
    const scopes = [{ type: 'account' as const, id: 'acc-1' }, companyScope];
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        addTrustEvidence(
          database.db,
          scopes,
          contribution(n % 2 === 0 ? 1 : 0, n % 2 === 0 ? 0 : 1),
        ),
      ),
    );
    const account = await findTrustEvidence(database.db, { type: 'account', id: 'acc-1' });
    expect(account).toMatchObject({
      asOf: evidenceAnchor,
      positive: 10,
      negative: 10,
      outcomes: 20,
    });
    expect(account?.counts).toMatchObject({ on_time: 10, missed: 10 });
    expect(await findTrustEvidence(database.db, companyScope)).toMatchObject({ outcomes: 20 });
    expect((await listTrustEvidence(database.db, 'account')).map((row) => row.scopeId)).toEqual([
      'acc-1',
    ]);
    expect(await findTrustEvidence(database.db, { type: 'manager', id: 'nobody' })).toBeUndefined();
  });
});
