import type { PromiseKind, PromiseState } from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  recordMeasured,
  seedOwnerAndAccount,
  seedPromise,
  testId,
} from '../__tests__/test-database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { rebuildKindOutcomeDays, tallyKindOutcomesBetween } from './kind-outcome-days.queries.ts';
import { changePromise, updatePromiseMeasures } from './promise.queries.ts';

type RecordedEvent = Parameters<typeof recordMeasured>[1]['event'];

describe.each(databaseKinds)('daily outcome rollup on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
  });
  afterEach(async () => {
    await database.close();
  });

  async function rollup() {
    const rows = await database.db
      .selectFrom('kind_outcome_days')
      .selectAll()
      .orderBy('day')
      .orderBy('kind')
      .execute();
    return rows
      .map((row) => ({
        day: row.day,
        kind: row.kind,
        kept_on_time: Number(row.kept_on_time),
        kept_renegotiated: Number(row.kept_renegotiated),
        late: Number(row.late),
        missed: Number(row.missed),
        announced_slips: Number(row.announced_slips),
      }))
      .filter((row) => row.kept_on_time + row.kept_renegotiated + row.late + row.missed > 0);
  }

  async function step(state: PromiseState, at: string, event: RecordedEvent) {
    return changePromise(database.db, state.id, (current) =>
      recordMeasured(
        current,
        { expectedVersion: current.version, event },
        { eventId: testId(), now: at, actorId: null },
      ),
    );
  }

  it('kept on write equals a recount from the promises after made, renegotiated, informed, fulfilled, missed, cancelled and re-measured promises', async () => {
    const { owner, account } = await seedOwnerAndAccount(database.db);
    const seed = (promiseKind: PromiseKind) =>
      seedPromise(database.db, { accountId: account.id, ownerId: owner.id, kind: promiseKind });

    const onTime = await seed('delivery');
    await step(onTime, '2026-11-24T10:00:00.000Z', {
      type: 'fulfilled',
      completeness: 'full',
      note: null,
    });
    const late = await seed('delivery');
    await step(late, '2026-12-02T10:00:00.000Z', {
      type: 'fulfilled',
      completeness: 'full',
      note: null,
    });
    const renegotiated = await seed('callback');
    const moved = await step(renegotiated, '2026-11-25T10:00:00.000Z', {
      type: 'renegotiated',
      newDue: { kind: 'point', at: '2026-12-05T16:00:00.000Z' },
      reason: 'Parts arrive later',
    });
    await step(moved, '2026-12-03T10:00:00.000Z', {
      type: 'fulfilled',
      completeness: 'full',
      note: null,
    });
    const announcedMiss = await seed('fix');
    const informed = await step(announcedMiss, '2026-11-26T10:00:00.000Z', {
      type: 'customer_informed',
      channel: 'phone',
      alternativesOffered: [],
      apologised: true,
      message: null,
    });
    await step(informed, '2026-12-01T10:00:00.000Z', { type: 'missed', note: null });
    const cancelled = await seed('fix');
    await step(cancelled, '2026-11-27T10:00:00.000Z', { type: 'cancelled', reason: 'Not needed' });
    await seed('quote');

    // A calendar change re-measures the on-time delivery as late: it moves between columns.
    await updatePromiseMeasures(database.db, onTime.id, {
      promisedMinutes: 100,
      fulfilledMinutes: 160,
      closedMinutes: 160,
      latenessMinutes: 60,
    });

    const kept = await rollup();
    expect(kept).toEqual([
      {
        day: '2026-11-24',
        kind: 'delivery',
        kept_on_time: 0,
        kept_renegotiated: 0,
        late: 1,
        missed: 0,
        announced_slips: 0,
      },
      {
        day: '2026-12-01',
        kind: 'fix',
        kept_on_time: 0,
        kept_renegotiated: 0,
        late: 0,
        missed: 1,
        announced_slips: 1,
      },
      {
        day: '2026-12-02',
        kind: 'delivery',
        kept_on_time: 0,
        kept_renegotiated: 0,
        late: 1,
        missed: 0,
        announced_slips: 0,
      },
      {
        day: '2026-12-03',
        kind: 'callback',
        kept_on_time: 0,
        kept_renegotiated: 1,
        late: 0,
        missed: 0,
        announced_slips: 0,
      },
    ]);

    await rebuildKindOutcomeDays(database.db);
    expect(await rollup()).toEqual(kept);
  });

  it('counts a window from whole days of the rollup and part days at its edges from the promises', async () => {
    const { owner, account } = await seedOwnerAndAccount(database.db);
    for (const at of [
      '2026-11-24T08:00:00.000Z',
      '2026-11-24T12:00:00.000Z',
      '2026-11-26T12:00:00.000Z',
      '2026-11-28T09:00:00.000Z',
      '2026-11-28T15:00:00.000Z',
    ]) {
      const made = await seedPromise(database.db, { accountId: account.id, ownerId: owner.id });
      await step(made, at, { type: 'fulfilled', completeness: 'full', note: null });
    }
    const keptOnTime = async (from: string, to: string) =>
      (await tallyKindOutcomesBetween(database.db, { from, to }))[0]?.keptOnTime ?? 0;

    expect(await keptOnTime('2026-11-24T10:00:00.000Z', '2026-11-28T12:00:00.000Z')).toBe(3);
    expect(await keptOnTime('2026-11-24T00:00:00.000Z', '2026-11-29T00:00:00.000Z')).toBe(5);
    expect(await keptOnTime('2026-11-24T10:00:00.000Z', '2026-11-24T13:00:00.000Z')).toBe(1);
    expect(await keptOnTime('2026-11-25T00:00:00.000Z', '2026-11-26T00:00:00.000Z')).toBe(0);
  });
});
