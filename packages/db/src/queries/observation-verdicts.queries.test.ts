import { type CharterObservation, reviseCharter, saveCharterInputSchema } from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { now, seedOwnerAndAccount, testId } from '../__tests__/test-database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { insertCharterObservations, saveCharterVersion } from './charter.queries.ts';
import {
  hasUnjudgedObservations,
  listCharteredAccountIds,
  listObservationsToJudge,
  setObservationVerdicts,
  tallyObservationVerdicts,
} from './observation-verdicts.queries.ts';

describe.each(databaseKinds)('charter observation verdicts on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
  });
  afterEach(async () => {
    await database.close();
  });

  it('stores verdicts and counts them per account and term in a window, unjudged apart', async () => {
    const { db } = database;
    const { account } = await seedOwnerAndAccount(db);
    const input = saveCharterInputSchema.parse({
      accountId: account.id,
      expectedVersion: 0,
      terms: [
        {
          metric: 'first_response_time',
          target: { amount: 4, unit: 'business_hours' },
          threshold: 0.9,
        },
        { metric: 'resolution_time', target: { amount: 2, unit: 'business_days' }, threshold: 0.8 },
      ],
      reviewEveryMonths: 6,
    });
    const { head, version } = reviseCharter(null, input, {
      now,
      actorId: null,
      newTermId: testId,
      timeZone: 'Europe/Berlin',
    });
    await saveCharterVersion(db, { head, version, expectedVersion: 0 });
    const [first, second] = version.terms.map((term) => term.id);
    const observation = (termId: string, occurredAt: string, minutes: number | null) =>
      ({
        id: testId(),
        accountId: account.id,
        termId,
        charterVersion: 1,
        reference: null,
        occurredAt,
        startedAt: null,
        endedAt: null,
        businessMinutes: minutes,
        quantity: null,
        note: null,
        recordedAt: now,
        recordedBy: null,
      }) satisfies CharterObservation;
    const observations = [
      observation(first ?? '', '2026-11-10T10:00:00.000Z', 100),
      observation(first ?? '', '2026-11-11T10:00:00.000Z', 500),
      observation(first ?? '', '2026-11-12T10:00:00.000Z', 200),
      observation(second ?? '', '2026-11-12T11:00:00.000Z', null),
      observation(second ?? '', '2026-10-01T11:00:00.000Z', 10),
    ];
    await insertCharterObservations(db, observations);
    const [a, b, c, d] = observations;
    await setObservationVerdicts(db, [
      { id: a?.id ?? '', verdict: 'within' },
      { id: b?.id ?? '', verdict: 'over' },
      { id: c?.id ?? '', verdict: 'within' },
      { id: d?.id ?? '', verdict: 'unmeasured' },
    ]);
    const window = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-24T10:00:00.000Z' };
    const tallies = await tallyObservationVerdicts(db, window);
    expect(tallies.sort((x, y) => x.termId.localeCompare(y.termId))).toEqual([
      { accountId: account.id, termId: first, observations: 3, within: 2, over: 1, unjudged: 0 },
      { accountId: account.id, termId: second, observations: 1, within: 0, over: 0, unjudged: 0 },
    ]);
    // The October one is outside the window and not judged yet.
    const wide = await tallyObservationVerdicts(db, {
      ...window,
      from: '2026-09-01T00:00:00.000Z',
    });
    expect(wide.find((tally) => tally.termId === second)).toMatchObject({
      observations: 2,
      unjudged: 1,
    });
    const toJudge = await listObservationsToJudge(db, account.id);
    expect(toJudge).toHaveLength(5);
    expect(toJudge.find((row) => row.id === b?.id)).toEqual({
      id: b?.id,
      termId: first,
      occurredAt: '2026-11-11T10:00:00.000Z',
      businessMinutes: 500,
      quantity: null,
      verdict: 'over',
    });
    expect(await hasUnjudgedObservations(db)).toBe(true);
    await setObservationVerdicts(db, [{ id: observations[4]?.id ?? '', verdict: 'within' }]);
    expect(await hasUnjudgedObservations(db)).toBe(false);
    expect(await listCharteredAccountIds(db, { limit: 10 })).toEqual([account.id]);
    expect(await listCharteredAccountIds(db, { afterId: account.id, limit: 10 })).toEqual([]);
  });
});
