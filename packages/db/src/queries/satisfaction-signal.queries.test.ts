import {
  type RecordSatisfactionInput,
  recordSatisfactionInputSchema,
  recordSatisfactionSignal,
} from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { now, seedOwnerAndAccount, testId } from '../__tests__/test-database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import {
  insertSatisfactionSignal,
  listSatisfactionSignals,
  tallySatisfaction,
} from './satisfaction-signal.queries.ts';

describe.each(databaseKinds)('satisfaction signals on %s', (kind) => {
  let database: TestDatabase;
  let accountId: string;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
    accountId = (await seedOwnerAndAccount(database.db)).account.id;
  });
  afterEach(async () => {
    await database.close();
  });

  async function signal(input: Partial<RecordSatisfactionInput>) {
    const command = recordSatisfactionInputSchema.parse({ accountId, source: 'survey', ...input });
    const stored = recordSatisfactionSignal(command, { signalId: testId(), now, actorId: null });
    await insertSatisfactionSignal(database.db, stored);
    return stored;
  }

  it('stores scores and words and lists them back, most recently received first', async () => {
    const rated = await signal({
      score: { value: 4, min: 1, max: 5 },
      receivedAt: '2026-11-01T10:00:00Z',
    });
    const said = await signal({
      words: 'Your driver was very helpful.',
      source: 'call',
      receivedAt: '2026-11-20T10:00:00Z',
    });

    expect(await listSatisfactionSignals(database.db, { accountId, limit: 10 })).toEqual([
      said,
      rated,
    ]);
    expect(
      await listSatisfactionSignals(database.db, { accountId, limit: 10, scored: true }),
    ).toEqual([rated]);
    expect(rated.score?.normalised).toBe(0.75);
  });

  it('counts the signals in a period and sums their normalised scores', async () => {
    await signal({ score: { value: 4, min: 1, max: 5 }, receivedAt: '2026-11-01T10:00:00Z' });
    await signal({ score: { value: 9, min: 0, max: 10 }, receivedAt: '2026-11-10T10:00:00Z' });
    await signal({ words: 'Slow again.', receivedAt: '2026-11-15T10:00:00Z' });
    await signal({ score: { value: 0, min: 0, max: 10 }, receivedAt: '2026-06-01T10:00:00Z' });

    const tally = await tallySatisfaction(database.db, {
      accountId,
      from: '2026-10-01T00:00:00.000Z',
      to: now,
    });

    expect(tally).toMatchObject({ signals: 3, scored: 2 });
    expect(tally.normalisedSum).toBeCloseTo(1.65, 12);
  });

  it('tallies nothing for an account without signals', async () => {
    expect(await tallySatisfaction(database.db, { accountId })).toEqual({
      signals: 0,
      scored: 0,
      normalisedSum: 0,
    });
  });
});
