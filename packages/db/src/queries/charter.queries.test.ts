import {
  type Account,
  type Charter,
  type CharterObservation,
  DomainError,
  recordCharterReviewInputSchema,
  reviewCharter,
  reviseCharter,
  saveCharterInputSchema,
} from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { now, seedOwnerAndAccount, testId } from '../__tests__/test-database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { insertAccount } from './account.queries.ts';
import {
  findCharter,
  findCharters,
  findCharterVersion,
  insertCharterObservations,
  listAccountsWithoutCharter,
  listCharterObservations,
  listCharterReviews,
  listCharterVersions,
  listOverdueCharterReviews,
  saveCharterReview,
  saveCharterVersion,
} from './charter.queries.ts';

const responseTerm = {
  metric: 'first_response_time' as const,
  target: { amount: 4, unit: 'business_hours' as const },
  threshold: 0.95,
};

/** Decides and stores the next version of an account's charter, as the API does. */
async function saveVersion(
  db: TestDatabase['db'],
  accountId: string,
  options: { at?: string; expectedVersion?: number; hours?: number } = {},
): Promise<Charter> {
  const current = (await findCharter(db, accountId)) ?? null;
  const input = saveCharterInputSchema.parse({
    accountId,
    expectedVersion: options.expectedVersion ?? current?.head.currentVersion ?? 0,
    terms: [
      {
        ...responseTerm,
        id: current?.current.terms[0]?.id,
        target: { amount: options.hours ?? 4, unit: 'business_hours' },
      },
    ],
    reviewEveryMonths: 6,
  });
  const { head, version } = reviseCharter(current, input, {
    now: options.at ?? now,
    actorId: null,
    newTermId: testId,
    timeZone: 'Europe/Berlin',
  });
  await saveCharterVersion(db, { head, version, expectedVersion: input.expectedVersion });
  return { head, current: version };
}

function anObservation(
  charter: Charter,
  overrides: Partial<CharterObservation> = {},
): CharterObservation {
  return {
    id: testId(),
    accountId: charter.head.accountId,
    termId: charter.current.terms[0]?.id ?? '',
    charterVersion: charter.head.currentVersion,
    reference: null,
    occurredAt: '2026-11-20T10:00:00.000Z',
    startedAt: null,
    endedAt: null,
    businessMinutes: 95.5,
    quantity: null,
    note: null,
    recordedAt: now,
    recordedBy: null,
    ...overrides,
  };
}

async function conflictOf(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError))
    throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe.each(databaseKinds)('charter store on %s', (kind) => {
  let database: TestDatabase;
  let account: Account;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
    account = (await seedOwnerAndAccount(database.db)).account;
  });
  afterEach(async () => {
    await database.close();
  });

  it('keeps every version as it was saved, the current being the highest', async () => {
    const first = await saveVersion(database.db, account.id, { at: '2026-11-01T09:00:00.000Z' });
    const second = await saveVersion(database.db, account.id, { hours: 2 });

    expect(await findCharterVersion(database.db, account.id, 1)).toEqual(first.current);
    expect(await findCharter(database.db, account.id)).toEqual(second);
    const versions = await listCharterVersions(database.db, account.id);
    expect(versions.map((v) => [v.version, v.terms[0]?.target?.amount])).toEqual([
      [1, 4],
      [2, 2],
    ]);
    expect(versions[1]?.terms[0]?.id).toBe(first.current.terms[0]?.id);
    expect(await findCharter(database.db, testId())).toBeUndefined();
  });

  it('reads the charters of many accounts at once, each at its current version', async () => {
    await saveVersion(database.db, account.id, { at: '2026-11-01T09:00:00.000Z' });
    await saveVersion(database.db, account.id, { hours: 2 });
    const other = (await seedOwnerAndAccount(database.db)).account;
    await saveVersion(database.db, other.id, { at: '2026-11-02T09:00:00.000Z' });
    const withoutCharter = (await seedOwnerAndAccount(database.db)).account;

    const charters = await findCharters(database.db, [account.id, other.id, withoutCharter.id]);

    expect([...charters.keys()].sort()).toEqual([account.id, other.id].sort());
    expect(charters.get(account.id)).toEqual(await findCharter(database.db, account.id));
    expect(charters.get(account.id)?.current.version).toBe(2);
    expect(charters.get(other.id)).toEqual(await findCharter(database.db, other.id));
  });

  it('refuses a stale expected version, names the current one, and writes nothing', async () => {
    await saveVersion(database.db, account.id);
    const again = await conflictOf(saveVersion(database.db, account.id, { expectedVersion: 0 }));
    expect(again).toMatchObject({ code: 'version_conflict', details: { currentVersion: 1 } });
    expect(await listCharterVersions(database.db, account.id)).toHaveLength(1);
  });

  it('lets exactly one of two concurrent editors of the same version win', async () => {
    const first = await saveVersion(database.db, account.id);
    const decide = (hours: number) => {
      const input = saveCharterInputSchema.parse({
        accountId: account.id,
        expectedVersion: 1,
        terms: [{ ...responseTerm, target: { amount: hours, unit: 'business_hours' } }],
      });
      return reviseCharter(first, input, {
        now,
        actorId: null,
        newTermId: testId,
        timeZone: 'UTC',
      });
    };
    const results = await Promise.allSettled(
      [2, 3].map((hours) =>
        saveCharterVersion(database.db, { ...decide(hours), expectedVersion: 1 }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toMatchObject({
      code: 'version_conflict',
    });
    expect(await listCharterVersions(database.db, account.id)).toHaveLength(2);
  });

  it('records reviews with and without a new version, guarded by the version reviewed', async () => {
    const charter = await saveVersion(database.db, account.id, { at: '2026-05-01T09:00:00.000Z' });
    const stamp = { now, actorId: null, newTermId: testId, timeZone: 'Europe/Berlin' };
    const keep = reviewCharter(
      charter,
      recordCharterReviewInputSchema.parse({
        accountId: account.id,
        expectedVersion: 1,
        notes: 'Fine',
      }),
      { ...stamp, reviewId: testId() },
    );
    await saveCharterReview(database.db, { ...keep, expectedVersion: 1 });
    const kept = await findCharter(database.db, account.id);
    expect(kept?.head).toEqual(keep.head);

    const change = reviewCharter(
      kept ?? charter,
      recordCharterReviewInputSchema.parse({
        accountId: account.id,
        expectedVersion: 1,
        revision: { terms: [{ ...responseTerm, target: { amount: 1, unit: 'business_days' } }] },
      }),
      { ...stamp, reviewId: testId() },
    );
    await saveCharterReview(database.db, { ...change, expectedVersion: 1 });
    const stale = await conflictOf(saveCharterReview(database.db, { ...keep, expectedVersion: 1 }));
    expect(stale.details).toEqual({ currentVersion: 2 });

    expect((await findCharter(database.db, account.id))?.head.currentVersion).toBe(2);
    const reviews = await listCharterReviews(database.db, account.id);
    expect(reviews.map((r) => [r.reviewedVersion, r.resultingVersion])).toEqual([
      [1, 2],
      [1, 1],
    ]);
  });

  it('lists overdue reviews longest overdue first, and active accounts with no charter', async () => {
    const other: Account = { ...account, id: testId(), name: 'Contoso' };
    const churned: Account = { ...account, id: testId(), name: 'Gone Ltd', stage: 'churned' };
    const fresh: Account = { ...account, id: testId(), name: 'Fabrikam' };
    const prospect: Account = { ...account, id: testId(), name: 'Maybe Inc', stage: 'prospect' };
    const gap: Account = { ...account, id: testId(), name: 'Initech', stage: 'at_risk' };
    for (const a of [other, churned, fresh, prospect, gap]) await insertAccount(database.db, a);
    await saveVersion(database.db, account.id, { at: '2026-03-01T09:00:00.000Z' }); // due 1 Sep
    await saveVersion(database.db, other.id, { at: '2026-01-01T09:00:00.000Z' }); // due 1 Jul
    await saveVersion(database.db, churned.id, { at: '2026-01-01T09:00:00.000Z' });
    await saveVersion(database.db, fresh.id, { at: '2026-11-01T09:00:00.000Z' }); // due May 2027

    const overdue = await listOverdueCharterReviews(database.db, { now });
    expect(overdue.map((row) => [row.accountName, row.nextReviewAt])).toEqual([
      ['Contoso', '2026-07-01T08:00:00.000Z'],
      ['Northwind', '2026-09-01T08:00:00.000Z'],
    ]);
    expect(overdue[0]).toMatchObject({ currentVersion: 1, lastReviewedAt: null });
    expect(await listOverdueCharterReviews(database.db, { now, ownerId: testId() })).toEqual([]);

    const withoutCharter = await listAccountsWithoutCharter(database.db, {
      stages: ['onboarding', 'active', 'at_risk'],
    });
    expect(withoutCharter).toEqual([
      { accountId: gap.id, accountName: 'Initech', ownerId: account.ownerId, stage: 'at_risk' },
    ]);
    const prospects = await listAccountsWithoutCharter(database.db, { stages: ['prospect'] });
    expect(prospects.map((row) => row.accountName)).toEqual(['Maybe Inc']);
  });

  it('stores an observation once per term and reference, in one batch or across calls', async () => {
    const charter = await saveVersion(database.db, account.id);
    const ticket = anObservation(charter, { reference: 'TICKET-1' });
    const results = await insertCharterObservations(database.db, [
      ticket,
      anObservation(charter, { reference: 'TICKET-1', businessMinutes: 1 }),
      anObservation(charter),
      anObservation(charter),
    ]);
    expect(results.map((r) => r.duplicate)).toEqual([false, true, false, false]);
    expect(results[1]?.id).toBe(ticket.id);

    const again = await insertCharterObservations(database.db, [
      anObservation(charter, { reference: 'TICKET-1' }),
    ]);
    expect(again).toEqual([{ id: ticket.id, duplicate: true }]);
    const stored = await listCharterObservations(database.db, { accountId: account.id });
    expect(stored).toHaveLength(3);
    expect(stored.find((o) => o.id === ticket.id)).toEqual(ticket);
  });

  it('stores a batch all or nothing', async () => {
    const charter = await saveVersion(database.db, account.id);
    const rows = Array.from({ length: 250 }, (_, n) =>
      anObservation(charter, { reference: `T-${n}` }),
    );
    const broken = anObservation(charter, { accountId: testId() }); // no such account
    await expect(insertCharterObservations(database.db, [...rows, broken])).rejects.toThrow();
    expect(await listCharterObservations(database.db, { accountId: account.id })).toEqual([]);

    await insertCharterObservations(database.db, rows);
    expect(await listCharterObservations(database.db, { accountId: account.id })).toHaveLength(250);
  });

  it('lists observations within [from, to), for one term, oldest first', async () => {
    const charter = await saveVersion(database.db, account.id);
    const at = (occurredAt: string) => anObservation(charter, { occurredAt });
    const inside = [at('2026-11-10T00:00:00.000Z'), at('2026-11-05T00:00:00.000Z')];
    await insertCharterObservations(database.db, [
      ...inside,
      at('2026-11-20T00:00:00.000Z'),
      at('2026-11-01T00:00:00.000Z'),
    ]);
    const listed = await listCharterObservations(database.db, {
      accountId: account.id,
      termId: charter.current.terms[0]?.id,
      from: '2026-11-05T00:00:00.000Z',
      to: '2026-11-20T00:00:00.000Z',
    });
    expect(listed.map((o) => o.occurredAt)).toEqual([
      '2026-11-05T00:00:00.000Z',
      '2026-11-10T00:00:00.000Z',
    ]);
  });
});
