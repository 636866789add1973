import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import {
  claimJobs,
  completeJob,
  enqueueJob,
  failJob,
  findJob,
  purgeFinishedJobs,
} from './background-job.queries.ts';

const now = '2026-11-24T10:00:00.000Z';
const later = '2026-11-24T10:05:00.000Z';

describe.each(databaseKinds)('background jobs on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
  });
  afterEach(async () => {
    await database.close();
  });

  it('enqueues scheduled work once, however often it is scheduled', async () => {
    const job = {
      id: 'risk_sweep:a:1',
      kind: 'risk_sweep',
      payload: { accountId: 'a' },
      runAt: now,
      now,
    };
    expect(await enqueueJob(database.db, job)).toBe(true);
    expect(await enqueueJob(database.db, job)).toBe(false);
    const count = await database.db.selectFrom('background_jobs').select('id').execute();
    expect(count).toHaveLength(1);
  });

  it('gives each due job to exactly one of several concurrent claimers', async () => {
    for (let n = 0; n < 30; n += 1) {
      await enqueueJob(database.db, {
        id: `job-${n}`,
        kind: 'test',
        payload: { n },
        runAt: now,
        now,
      });
    }
    await enqueueJob(database.db, { id: 'not-yet', kind: 'test', payload: {}, runAt: later, now });

    const claims = await Promise.all(
      ['w1', 'w2', 'w3'].map(async (workerId) => {
        const claimed: string[] = [];
        for (let batch = 0; batch < 10; batch += 1) {
          const jobs = await claimJobs(database.db, { workerId, now, leaseUntil: later, limit: 4 });
          claimed.push(...jobs.map((job) => job.id));
        }
        return claimed;
      }),
    );
    const all = claims.flat();
    expect(all).toHaveLength(30);
    expect(new Set(all).size).toBe(30);
    expect(all).not.toContain('not-yet');
  });

  it('lets another worker take over a job whose lease ran out', async () => {
    await enqueueJob(database.db, { id: 'j', kind: 'test', payload: {}, runAt: now, now });
    const [first] = await claimJobs(database.db, {
      workerId: 'dead-instance',
      now,
      leaseUntil: '2026-11-24T10:01:00.000Z',
      limit: 1,
    });
    expect(first?.claimedBy).toBe('dead-instance');
    expect(
      await claimJobs(database.db, { workerId: 'w2', now, leaseUntil: later, limit: 1 }),
    ).toEqual([]);

    const [taken] = await claimJobs(database.db, {
      workerId: 'w2',
      now: '2026-11-24T10:02:00.000Z',
      leaseUntil: later,
      limit: 1,
    });
    expect(taken).toMatchObject({ id: 'j', claimedBy: 'w2', attempts: 2 });
    await completeJob(database.db, { id: 'j', workerId: 'dead-instance', now });
    expect(await findJob(database.db, 'j')).toMatchObject({ status: 'running' });
    await completeJob(database.db, { id: 'j', workerId: 'w2', now });
    expect(await findJob(database.db, 'j')).toMatchObject({ status: 'done' });
  });

  it('retries a failed job at its backoff time, then leaves it dead after its last attempt', async () => {
    await enqueueJob(database.db, {
      id: 'j',
      kind: 'test',
      payload: {},
      runAt: now,
      now,
      maxAttempts: 2,
    });
    await claimJobs(database.db, { workerId: 'w', now, leaseUntil: later, limit: 1 });
    await failJob(database.db, {
      id: 'j',
      workerId: 'w',
      now,
      retryAt: '2026-11-24T10:01:00.000Z',
      error: 'boom',
    });
    expect(await findJob(database.db, 'j')).toMatchObject({ status: 'pending', attempts: 1 });
    expect(
      await claimJobs(database.db, { workerId: 'w', now, leaseUntil: later, limit: 1 }),
    ).toEqual([]);

    await claimJobs(database.db, {
      workerId: 'w',
      now: '2026-11-24T10:01:00.000Z',
      leaseUntil: later,
      limit: 1,
    });
    await failJob(database.db, {
      id: 'j',
      workerId: 'w',
      now,
      retryAt: later,
      error: 'boom again',
    });
    expect(await findJob(database.db, 'j')).toMatchObject({ status: 'dead', attempts: 2 });
    expect(
      await claimJobs(database.db, {
        workerId: 'w',
        now: '2026-12-01T00:00:00.000Z',
        leaseUntil: later,
        limit: 1,
      }),
    ).toEqual([]);
  });

  it('forgets jobs finished long ago but keeps recent, pending and dead ones', async () => {
    for (const id of ['old', 'recent', 'pending']) {
      await enqueueJob(database.db, { id, kind: 'test', payload: {}, runAt: now, now });
    }
    await claimJobs(database.db, { workerId: 'w', now, leaseUntil: later, limit: 2 });
    await completeJob(database.db, { id: 'old', workerId: 'w', now: '2026-11-01T00:00:00.000Z' });
    await completeJob(database.db, { id: 'recent', workerId: 'w', now });

    expect(await purgeFinishedJobs(database.db, '2026-11-20T00:00:00.000Z')).toBe(1);
    expect(await findJob(database.db, 'old')).toBeUndefined();
    expect(await findJob(database.db, 'recent')).toMatchObject({ status: 'done' });
    expect(await findJob(database.db, 'pending')).toMatchObject({ status: 'pending' });
  });
});
