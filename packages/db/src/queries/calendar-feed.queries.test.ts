import {
  type Account,
  type Charter,
  DomainError,
  reviseCharter,
  saveCharterInputSchema,
  type User,
} from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  now,
  recordMeasured,
  seedOwnerAndAccount,
  seedPromise,
  testId,
} from '../__tests__/test-database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { insertAccount, insertContact } from './account.queries.ts';
import {
  findCalendarFeedBySecretHash,
  findLiveCalendarFeed,
  replaceCalendarFeed,
  revokeCalendarFeed,
  touchCalendarFeed,
} from './calendar-feed.queries.ts';
import { listFeedCharterReviews, listFeedPromises } from './calendar-feed-entries.queries.ts';
import { saveCharterVersion } from './charter.queries.ts';
import { appendPromiseEvent } from './promise.queries.ts';
import { insertUser } from './user.queries.ts';

const hashA = 'a'.repeat(64);
const hashB = 'b'.repeat(64);

describe.each(databaseKinds)('calendar feeds on %s', (kind) => {
  let database: TestDatabase;
  let owner: User;
  let account: Account;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
    ({ owner, account } = await seedOwnerAndAccount(database.db));
  });
  afterEach(async () => {
    await database.close();
  });

  async function otherManager(name: string): Promise<User> {
    const user: User = {
      id: testId(),
      name,
      email: `${name.toLowerCase()}${testId().slice(-4)}@example.com`,
      role: 'account_manager',
      teamId: null,
      createdAt: now,
    };
    await insertUser(database.db, user);
    return user;
  }

  async function charterFor(accountId: string, at: string): Promise<Charter> {
    const input = saveCharterInputSchema.parse({
      accountId,
      expectedVersion: 0,
      terms: [
        {
          metric: 'first_response_time',
          target: { amount: 4, unit: 'business_hours' },
          threshold: 0.95,
        },
      ],
      reviewEveryMonths: 6,
    });
    const { head, version } = reviseCharter(null, input, {
      now: at,
      actorId: null,
      newTermId: testId,
      timeZone: 'Europe/Berlin',
    });
    await saveCharterVersion(database.db, { head, version, expectedVersion: 0 });
    return { head, current: version };
  }

  it('finds a live feed by its secret hash, and a replaced one no longer', async () => {
    const first = await replaceCalendarFeed(database.db, {
      id: testId(),
      userId: owner.id,
      secretHash: hashA,
      createdAt: now,
    });
    expect(first).toEqual({ revokedPrevious: false });
    expect(await findCalendarFeedBySecretHash(database.db, hashA)).toMatchObject({
      userId: owner.id,
      createdAt: now,
      lastFetchedAt: null,
      revokedAt: null,
    });

    const later = '2026-11-25T08:00:00.000Z';
    const second = await replaceCalendarFeed(database.db, {
      id: testId(),
      userId: owner.id,
      secretHash: hashB,
      createdAt: later,
    });
    expect(second).toEqual({ revokedPrevious: true });
    expect(await findCalendarFeedBySecretHash(database.db, hashA)).toBeUndefined();
    expect(await findCalendarFeedBySecretHash(database.db, hashB)).toMatchObject({
      createdAt: later,
    });
    expect(await findLiveCalendarFeed(database.db, owner.id)).toMatchObject({ createdAt: later });
  });

  it('revokes the live feed once; afterwards the person has none', async () => {
    await replaceCalendarFeed(database.db, {
      id: testId(),
      userId: owner.id,
      secretHash: hashA,
      createdAt: now,
    });
    expect(await revokeCalendarFeed(database.db, owner.id, now)).toBe(true);
    expect(await revokeCalendarFeed(database.db, owner.id, now)).toBe(false);
    expect(await findLiveCalendarFeed(database.db, owner.id)).toBeUndefined();
    expect(await findCalendarFeedBySecretHash(database.db, hashA)).toBeUndefined();
  });

  it('refuses a second live feed for one person, even when written past the replace', async () => {
    await replaceCalendarFeed(database.db, {
      id: testId(),
      userId: owner.id,
      secretHash: hashA,
      createdAt: now,
    });
    const bypass = database.db
      .insertInto('calendar_feeds')
      .values({
        id: testId(),
        user_id: owner.id,
        secret_hash: hashB,
        created_at: now,
        last_fetched_at: null,
        revoked_at: null,
      })
      .execute();
    await expect(bypass).rejects.toThrow();
    expect(await findCalendarFeedBySecretHash(database.db, hashB)).toBeUndefined();
  });

  it('answers a clash on the secret hash with a conflict and keeps the old feed', async () => {
    const other = await otherManager('Otto');
    await replaceCalendarFeed(database.db, {
      id: testId(),
      userId: other.id,
      secretHash: hashA,
      createdAt: now,
    });
    await replaceCalendarFeed(database.db, {
      id: testId(),
      userId: owner.id,
      secretHash: hashB,
      createdAt: now,
    });
    const clash = replaceCalendarFeed(database.db, {
      id: testId(),
      userId: owner.id,
      secretHash: hashA,
      createdAt: '2026-11-25T08:00:00.000Z',
    });
    await expect(clash).rejects.toSatisfy(
      (error) => error instanceof DomainError && error.kind === 'conflict',
    );
    expect(await findCalendarFeedBySecretHash(database.db, hashB)).toMatchObject({
      userId: owner.id,
    });
  });

  it('notes the last fetch at most once a minute', async () => {
    const id = testId();
    await replaceCalendarFeed(database.db, {
      id,
      userId: owner.id,
      secretHash: hashA,
      createdAt: now,
    });
    await touchCalendarFeed(database.db, id, '2026-11-24T10:00:00.000Z');
    await touchCalendarFeed(database.db, id, '2026-11-24T10:00:30.000Z');
    expect((await findLiveCalendarFeed(database.db, owner.id))?.lastFetchedAt).toBe(
      '2026-11-24T10:00:00.000Z',
    );
    await touchCalendarFeed(database.db, id, '2026-11-24T10:01:30.000Z');
    expect((await findLiveCalendarFeed(database.db, owner.id))?.lastFetchedAt).toBe(
      '2026-11-24T10:01:30.000Z',
    );
  });

  it('lists only the owner’s open and awaiting promises, soonest first, with names', async () => {
    const contact = {
      id: testId(),
      accountId: account.id,
      name: 'Jane Roe',
      email: null,
      phone: null,
      role: null,
    };
    await insertContact(database.db, { ...contact, createdAt: now });
    const later = await seedPromise(database.db, {
      accountId: account.id,
      ownerId: owner.id,
      title: 'Later',
      due: { kind: 'window', earliest: '2026-12-07T08:00:00Z', latest: '2026-12-11T17:00:00Z' },
    });
    const sooner = await seedPromise(database.db, {
      accountId: account.id,
      ownerId: owner.id,
      contactId: contact.id,
      title: 'Sooner',
      importance: 'high',
      due: { kind: 'point', at: '2026-11-28T10:00:00Z' },
    });
    const awaiting = await seedPromise(database.db, {
      accountId: account.id,
      ownerId: owner.id,
      title: 'Awaiting',
      condition: 'Customer sends specs',
      due: { kind: 'point', at: '2026-12-20T10:00:00Z' },
    });
    const fulfilled = await seedPromise(database.db, {
      accountId: account.id,
      ownerId: owner.id,
      title: 'Kept already',
    });
    await appendPromiseEvent(
      database.db,
      recordMeasured(
        fulfilled,
        {
          expectedVersion: 1,
          occurredAt: '2026-11-24T09:00:00.000Z',
          event: { type: 'fulfilled', completeness: 'full', note: null },
        },
        { eventId: testId(), now, actorId: owner.id },
      ),
    );
    const other = await otherManager('Otto');
    const othersAccount: Account = { ...account, id: testId(), name: 'Contoso', ownerId: other.id };
    await insertAccount(database.db, othersAccount);
    await seedPromise(database.db, { accountId: othersAccount.id, ownerId: other.id });

    const listed = await listFeedPromises(database.db, { ownerId: owner.id, limit: 100 });
    expect(listed.map((entry) => entry.promise.id)).toEqual([sooner.id, later.id, awaiting.id]);
    expect(listed[0]).toEqual({
      promise: {
        id: sooner.id,
        title: 'Sooner',
        kind: 'delivery',
        importance: 'high',
        status: 'open',
        atRisk: false,
        dueStart: '2026-11-28T10:00:00.000Z',
        dueDeadline: '2026-11-28T10:00:00.000Z',
        version: 1,
        updatedAt: now,
      },
      accountName: 'Northwind',
      contactName: 'Jane Roe',
    });
    expect(listed[1]?.promise).toMatchObject({
      dueStart: '2026-12-07T08:00:00.000Z',
      dueDeadline: '2026-12-11T17:00:00.000Z',
    });
    expect(listed[2]?.promise.status).toBe('awaiting_condition');
    expect(await listFeedPromises(database.db, { ownerId: owner.id, limit: 2 })).toHaveLength(2);
  });

  it('lists next charter reviews of one manager’s accounts, or of all, never churned ones', async () => {
    const other = await otherManager('Otto');
    const othersAccount: Account = { ...account, id: testId(), name: 'Contoso', ownerId: other.id };
    const churned: Account = {
      ...account,
      id: testId(),
      name: 'Gone Ltd',
      stage: 'churned',
    };
    await insertAccount(database.db, othersAccount);
    await insertAccount(database.db, churned);
    const own = await charterFor(account.id, '2026-03-01T09:00:00.000Z');
    const others = await charterFor(othersAccount.id, '2026-01-01T09:00:00.000Z');
    await charterFor(churned.id, '2026-01-01T09:00:00.000Z');

    const mine = await listFeedCharterReviews(database.db, { ownerId: owner.id, limit: 100 });
    expect(mine).toEqual([
      {
        accountId: account.id,
        accountName: 'Northwind',
        timeZone: 'Europe/Berlin',
        ownerName: owner.name,
        currentVersion: 1,
        createdAt: own.head.createdAt,
        lastReviewedAt: null,
        nextReviewAt: own.head.nextReviewAt,
        updatedAt: own.head.updatedAt,
      },
    ]);
    const all = await listFeedCharterReviews(database.db, { ownerId: null, limit: 100 });
    expect(all.map((review) => [review.accountName, review.nextReviewAt])).toEqual([
      ['Contoso', others.head.nextReviewAt],
      ['Northwind', own.head.nextReviewAt],
    ]);
  });
});
