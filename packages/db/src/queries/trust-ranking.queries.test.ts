import { emptyEvidence, evidenceAnchor } from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { addTrustEvidence } from './trust-evidence.queries.ts';
import {
  insertReconstructedTrustHistory,
  insertTrustContribution,
  listTrustHistory,
  upsertTrustHistory,
} from './trust-history.queries.ts';
import {
  latestTrustSnapshot,
  listScopesClosedSince,
  listSnapshotRanking,
  listTrustEvidenceOf,
  listTrustOutcomesOf,
  recordTrustSnapshot,
} from './trust-ranking.queries.ts';

describe.each(databaseKinds)('trust ranking reads on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
  });
  afterEach(async () => {
    await database.close();
  });

  const point = (score: number) => ({ day: '2026-03-02', score, low: score - 5, high: score + 5 });

  it('reads the latest snapshot, and its scores in order with ties by id, each way', async () => {
    const { db } = database;
    expect(await latestTrustSnapshot(db)).toBeUndefined();
    await recordTrustSnapshot(db, { day: '2026-03-01', takenAt: '2026-03-01T23:00:00.000Z' });
    await recordTrustSnapshot(db, { day: '2026-03-02', takenAt: '2026-03-02T08:00:00.000Z' });
    await recordTrustSnapshot(db, { day: '2026-03-02', takenAt: '2026-03-02T09:00:00.000Z' });
    expect(await latestTrustSnapshot(db)).toEqual({
      day: '2026-03-02',
      takenAt: '2026-03-02T09:00:00.000Z',
    });

    for (const [id, score] of [
      ['b', 70],
      ['a', 70],
      ['c', 40],
      ['d', 90],
    ] as const) {
      await upsertTrustHistory(db, { type: 'account', id }, point(score));
    }
    // Another day and another type are not part of the day's account ranking.
    await upsertTrustHistory(db, { type: 'account', id: 'e' }, { ...point(1), day: '2026-03-01' });
    await upsertTrustHistory(db, { type: 'manager', id: 'f' }, point(2));

    const ids = async (order: 'lowest' | 'highest', limit: number) =>
      (await listSnapshotRanking(db, { type: 'account', day: '2026-03-02', order, limit })).map(
        (row) => row.scopeId,
      );
    expect(await ids('lowest', 10)).toEqual(['c', 'a', 'b', 'd']);
    expect(await ids('highest', 10)).toEqual(['d', 'b', 'a', 'c']);
    expect(await ids('lowest', 2)).toEqual(['c', 'a']);
    expect(
      await listSnapshotRanking(db, {
        type: 'account',
        day: '2026-03-02',
        order: 'lowest',
        limit: 1,
      }),
    ).toEqual([{ scopeId: 'c', score: 40, low: 35, high: 45 }]);
  });

  it('keeps reconstructed days beside taken ones, never replacing a taken one', async () => {
    const { db } = database;
    const scope = { type: 'company' as const, id: 'company' };
    await upsertTrustHistory(db, scope, point(80));
    await insertReconstructedTrustHistory(db, scope, [
      { ...point(10), day: '2026-03-02' },
      { ...point(60), day: '2026-01-31' },
    ]);
    await insertReconstructedTrustHistory(db, scope, [{ ...point(11), day: '2026-01-31' }]);
    expect(
      await listTrustHistory(db, scope, { fromDay: '2026-01-01', toDay: '2026-12-31' }),
    ).toEqual([
      { day: '2026-01-31', score: 60, low: 55, high: 65, reconstructed: true },
      { day: '2026-03-02', score: 80, low: 75, high: 85, reconstructed: false },
    ]);
  });

  it('finds the scopes with a closing since an instant, each once, and their evidence', async () => {
    const { db } = database;
    const evidence = { ...emptyEvidence(), asOf: evidenceAnchor, positive: 2, outcomes: 1 };
    const close = async (id: string, promiseId: string, closedAt: string) => {
      await insertTrustContribution(db, {
        scope: { type: 'account', id },
        promiseId,
        closedAt,
        outcomeKind: 'on_time',
        evidence,
      });
      await addTrustEvidence(db, [{ type: 'account', id }], evidence);
    };
    await close('early', 'p1', '2026-03-02T07:59:59.000Z');
    await close('late', 'p2', '2026-03-02T08:00:00.000Z');
    await close('late', 'p3', '2026-03-02T10:00:00.000Z');
    await close('later', 'p4', '2026-03-02T11:00:00.000Z');
    const since = await listScopesClosedSince(db, {
      type: 'account',
      since: '2026-03-02T08:00:00.000Z',
    });
    expect(since.sort()).toEqual(['late', 'later']);

    const found = await listTrustEvidenceOf(db, 'account', ['late', 'early', 'missing']);
    expect([...found.keys()].sort()).toEqual(['early', 'late']);
    expect(found.get('late')).toMatchObject({ positive: 4, outcomes: 2 });
    const outcomes = await listTrustOutcomesOf(db, 'account', ['late', 'early', 'missing']);
    expect(Object.fromEntries(outcomes)).toEqual({ late: 2, early: 1 });
  });
});
