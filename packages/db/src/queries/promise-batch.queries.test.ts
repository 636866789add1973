import { DomainError, type PromiseState } from '@steadfast/domain';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  now,
  recordMeasured,
  seedOwnerAndAccount,
  seedPromise,
  testId,
} from '../__tests__/test-database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { loadPromiseState } from './promise.queries.ts';
import {
  appendPromiseChanges,
  findPromiseSummaries,
  loadPromiseStates,
} from './promise-batch.queries.ts';

async function eventCount(db: TestDatabase['db']): Promise<number> {
  const row = await db
    .selectFrom('promise_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const stamp = () => ({ eventId: testId(), now, actorId: null });

describe.each(databaseKinds)('promise batch store on %s', (kind) => {
  let handle: TestDatabase;
  let first: PromiseState;
  let second: PromiseState;
  beforeEach(async () => {
    handle = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
    const { owner, account } = await seedOwnerAndAccount(handle.db);
    first = await seedPromise(handle.db, { accountId: account.id, ownerId: owner.id });
    second = await seedPromise(handle.db, { accountId: account.id, ownerId: owner.id });
  });
  afterEach(async () => {
    await handle.close();
  });

  it('reads the state and summary of each promise named, and nothing for an unknown one', async () => {
    const unknown = testId();
    const states = await loadPromiseStates(handle.db, [first.id, second.id, unknown]);
    expect([...states.keys()].sort()).toEqual([first.id, second.id].sort());
    expect(states.get(first.id)).toEqual((await loadPromiseState(handle.db, first.id)).state);
    const summaries = await findPromiseSummaries(handle.db, [second.id, unknown]);
    expect(summaries.map((summary) => summary.id)).toEqual([second.id]);
  });

  it('appends several changes of several promises and moves each projection to its last state', async () => {
    const picked = recordMeasured(
      first,
      { expectedVersion: 1, event: { type: 'progress', milestone: 'Picked' } },
      stamp(),
    );
    const missed = recordMeasured(
      second,
      { expectedVersion: 1, event: { type: 'missed', note: null } },
      stamp(),
    );
    const delivered = recordMeasured(
      picked.state,
      { expectedVersion: 2, event: { type: 'fulfilled', completeness: 'full', note: null } },
      stamp(),
    );

    await appendPromiseChanges(handle.db, [picked, missed, delivered]);

    const states = await loadPromiseStates(handle.db, [first.id, second.id]);
    expect(states.get(first.id)).toEqual(delivered.state);
    expect(states.get(second.id)).toEqual(missed.state);
    const summaries = await findPromiseSummaries(handle.db, [first.id, second.id]);
    expect(
      Object.fromEntries(
        summaries.map((summary) => [summary.id, [summary.status, summary.version]]),
      ),
    ).toEqual({ [first.id]: ['fulfilled', 3], [second.id]: ['missed', 2] });
  });

  it('writes nothing and names the promise when its projection moved since it was read', async () => {
    const picked = recordMeasured(
      first,
      { expectedVersion: 1, event: { type: 'progress', milestone: 'Picked' } },
      stamp(),
    );
    const packed = recordMeasured(
      second,
      { expectedVersion: 1, event: { type: 'progress', milestone: 'Packed' } },
      stamp(),
    );
    // Another writer moved the second promise's projection on after it was read.
    await sql`UPDATE promises SET version = 2 WHERE id = ${second.id}`.execute(handle.db);

    const error = await appendPromiseChanges(handle.db, [picked, packed]).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'version_conflict',
      field: 'expectedVersion',
      details: { promiseId: second.id },
    });
    expect(await eventCount(handle.db)).toBe(2);
  });
});
