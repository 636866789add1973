import type { DomainError } from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fieldErrors, rejection } from '../__tests__/rejections.ts';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';

async function observationCount(api: TestApi): Promise<number> {
  const row = await api.db
    .selectFrom('charter_observations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const officeHours = [{ start: '09:00', end: '17:00' }];
const berlinOffice = {
  timeZone: 'Europe/Berlin',
  weeklyHours: {
    monday: officeHours,
    tuesday: officeHours,
    wednesday: officeHours,
    thursday: officeHours,
    friday: officeHours,
  },
};

const responseTerm = {
  metric: 'first_response_time' as const,
  description: 'We reply to every ticket within 4 business hours',
  target: { amount: 4, unit: 'business_hours' as const },
  threshold: 0.95,
  clientExpectation: { statement: 'Within the hour, ideally' },
  negotiation: {
    clientAsked: '1 business hour',
    agreed: '4 business hours, 95% of tickets',
    reason: 'Two people staff the desk',
  },
};

describe('charter router', () => {
  let api: TestApi;
  let accountId: string;
  beforeEach(async () => {
    api = await createTestApi('2026-01-05T09:00:00.000Z');
    const account = await api.caller.account.create({
      name: 'Northwind',
      ownerId: api.ownerId,
      stage: 'active',
      timeZone: 'Europe/Berlin',
      calendar: berlinOffice,
    });
    accountId = account.id;
  });
  afterEach(async () => {
    await api.close();
  });

  const saveFirst = (extra: Record<string, unknown> = {}) =>
    api.caller.charter.save({ accountId, expectedVersion: 0, terms: [responseTerm], ...extra });

  it('saves versions without ever rewriting an old one, keeping term ids across versions', async () => {
    const first = await saveFirst({ reviewEveryMonths: 6 });
    const termId = first.current.terms[0]?.id;
    expect(first).toMatchObject({
      head: { currentVersion: 1, nextReviewAt: '2026-07-05T08:00:00.000Z', lastReviewedAt: null },
      current: { version: 1, createdBy: api.ownerId, terms: [{ threshold: 0.95 }] },
      reviewOverdue: false,
    });

    api.clock.now = '2026-02-02T09:00:00.000Z';
    await api.caller.charter.save({
      accountId,
      expectedVersion: 1,
      terms: [{ ...responseTerm, id: termId, target: { amount: 2, unit: 'business_hours' } }],
      changeNote: 'Client asked for faster replies; we added a second person',
    });

    expect(await api.caller.charter.version({ accountId, version: 1 })).toEqual(first.current);
    const { charter, versions } = await api.caller.charter.get({ accountId });
    expect(charter?.current.terms[0]).toMatchObject({ id: termId, target: { amount: 2 } });
    expect(versions.map((v) => [v.version, v.termCount])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    const history = await api.caller.charter.history({ accountId });
    expect(history.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('refuses a term that is not measurable, saying how to make it so, and stores nothing', async () => {
    const error = await rejection(
      api.caller.charter.save({
        accountId,
        expectedVersion: 0,
        terms: [
          responseTerm,
          { metric: 'first_response_time', description: 'Timely responses', threshold: 0.9 },
        ],
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    const errors = fieldErrors(error);
    expect(Object.keys(errors)).toEqual(['terms.1.target']);
    expect(errors['terms.1.target']?.[0]).toMatch(
      /^is not measurable: give a number and a unit, e\.g\. "reply within 4 business hours".*"timely" cannot be measured/,
    );
    expect((await api.caller.charter.get({ accountId })).charter).toBeNull();
  });

  it('answers a stale expected version with 409 version_conflict naming the current version', async () => {
    await saveFirst();
    const error = await rejection(saveFirst());
    expect(error.code).toBe('CONFLICT');
    expect((error.cause as unknown as DomainError).details).toEqual({ currentVersion: 1 });
    expect((await api.caller.charter.get({ accountId })).versions).toHaveLength(1);
  });

  it('measures a ticket from Friday 16:00 to Monday 10:00 as 2 business hours, within 4', async () => {
    const charter = await saveFirst();
    const termId = charter.current.terms[0]?.id ?? '';
    api.clock.now = '2026-01-20T12:00:00.000Z';
    const ticket = {
      accountId,
      termId,
      reference: 'ZD-1001',
      startedAt: '2026-01-09T16:00:00+01:00',
      endedAt: '2026-01-12T10:00:00+01:00',
    };
    const posted = await api.caller.charter.observe(ticket);
    expect(posted).toMatchObject({ duplicate: false, observation: { businessMinutes: 120 } });

    const again = await api.caller.charter.observe(ticket);
    expect(again).toEqual({ observation: posted.observation, duplicate: true });
    expect(await observationCount(api)).toBe(1);

    const compliance = await api.caller.charter.compliance({
      accountId,
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00Z',
    });
    expect(compliance).toMatchObject({ share: 1, observed: 1, termsMet: 1 });
    expect(compliance.terms[0]).toMatchObject({ withinTarget: 1, status: 'met', breaches: [] });
  });

  it('marks a term breached when too few observations are within target, listing the breaches', async () => {
    const charter = await saveFirst();
    const termId = charter.current.terms[0]?.id ?? '';
    api.clock.now = '2026-01-30T12:00:00.000Z';
    const observations = [
      ...Array.from({ length: 8 }, (_, n) => ({ accountId, termId, businessMinutes: 30 + n })),
      {
        accountId,
        termId,
        businessMinutes: 300,
        reference: 'ZD-7',
        occurredAt: '2026-01-15T10:00:00Z',
      },
      {
        accountId,
        termId,
        businessMinutes: 241,
        reference: 'ZD-9',
        occurredAt: '2026-01-16T10:00:00Z',
      },
    ];
    const batch = await api.caller.charter.observeBatch({ observations });
    expect(batch).toMatchObject({ stored: 10, duplicates: 0 });

    const compliance = await api.caller.charter.compliance({ accountId });
    // Up to the end of 30 January in Berlin, 90 days back.
    expect(compliance.window).toEqual({
      from: '2025-11-01T23:00:00.000Z',
      to: '2026-01-30T23:00:00.000Z',
    });
    const [term] = compliance.terms;
    expect(term).toMatchObject({ observed: 10, withinTarget: 8, share: 0.8, status: 'breached' });
    expect(term?.breaches.map((b) => [b.reference, b.over])).toEqual([
      ['ZD-7', 60],
      ['ZD-9', 1],
    ]);
  });

  it('stores a batch all or nothing, naming every refused row and field', async () => {
    const charter = await saveFirst();
    const termId = charter.current.terms[0]?.id ?? '';
    api.clock.now = '2026-01-30T12:00:00.000Z';
    const good = { accountId, termId, businessMinutes: 30 };

    const schemaError = await rejection(
      api.caller.charter.observeBatch({
        observations: [
          good,
          good,
          good,
          { accountId, termId, startedAt: '2026-01-09T16:00:00Z', endedAt: '2026-01-09T15:00:00Z' },
        ],
      }),
    );
    expect(schemaError.code).toBe('BAD_REQUEST');
    expect(Object.keys(fieldErrors(schemaError))).toEqual(['observations.3.endedAt']);

    const domainError = await rejection(
      api.caller.charter.observeBatch({
        observations: [
          good,
          { ...good, termId: api.newId() },
          good,
          { ...good, occurredAt: '2026-03-01T00:00:00Z' },
        ],
      }),
    );
    expect(domainError.code).toBe('BAD_REQUEST');
    expect(fieldErrors(domainError)).toEqual({
      'observations.1.termId': ["is not a term of the account's current charter (version 1)"],
      'observations.3.occurredAt': [
        'must not be in the future (it is now 2026-01-30T12:00:00.000Z)',
      ],
    });
    expect(await observationCount(api)).toBe(0);
  });

  it('answers observations for an account without a charter or a missing account with 404', async () => {
    const body = { accountId, termId: api.newId(), businessMinutes: 5 };
    expect((await rejection(api.caller.charter.observe(body))).code).toBe('NOT_FOUND');
    const missing = { ...body, accountId: api.newId() };
    expect((await rejection(api.caller.charter.observe(missing))).code).toBe('NOT_FOUND');
    expect((await rejection(api.caller.charter.compliance({ accountId }))).code).toBe('NOT_FOUND');
  });

  it('pages the accounts without a charter by name: the first `limit`, and whether more wait', async () => {
    for (const name of ['Delta', 'Alpha', 'Charlie', 'Bravo']) {
      await api.caller.account.create({ name, ownerId: api.ownerId, stage: 'active' });
    }
    const firstTwo = await api.caller.charter.overdueReviews({ limit: 2 });
    expect(firstTwo.withoutCharter.map((row) => row.accountName)).toEqual(['Alpha', 'Bravo']);
    expect(firstTwo.moreWithoutCharter).toBe(true);
    expect(firstTwo.moreOverdue).toBe(false);
    // Northwind has no charter yet either: five in all.
    const all = await api.caller.charter.overdueReviews({ limit: 5 });
    expect(all.withoutCharter.map((row) => row.accountName)).toEqual([
      'Alpha',
      'Bravo',
      'Charlie',
      'Delta',
      'Northwind',
    ]);
    expect(all.moreWithoutCharter).toBe(false);
    const error = await rejection(api.caller.charter.overdueReviews({ limit: 501 }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrors(error).limit).toEqual(['must be at most 500']);
  });

  it('lists overdue reviews and accounts without a charter, and a review clears the overdue one', async () => {
    await saveFirst({ reviewEveryMonths: 3 });
    const bare = await api.caller.account.create({
      name: 'Contoso',
      ownerId: api.ownerId,
      stage: 'active',
    });

    api.clock.now = '2026-04-10T09:00:00.000Z';
    const overdue = await api.caller.charter.overdueReviews();
    expect(overdue.overdue).toEqual([
      {
        accountId,
        accountName: 'Northwind',
        ownerId: api.ownerId,
        currentVersion: 1,
        lastReviewedAt: null,
        nextReviewAt: '2026-04-05T08:00:00.000Z',
        daysOverdue: 5,
      },
    ]);
    expect(overdue.withoutCharter.map((row) => row.accountId)).toEqual([bare.id]);
    expect((await api.caller.charter.get({ accountId })).charter?.reviewOverdue).toBe(true);

    const reviewed = await api.caller.charter.recordReview({
      accountId,
      expectedVersion: 1,
      notes: 'Client happy with 4 hours',
    });
    expect(reviewed.review).toMatchObject({ reviewedVersion: 1, resultingVersion: 1 });
    expect(reviewed.charter.head).toMatchObject({
      lastReviewedAt: api.clock.now,
      nextReviewAt: '2026-07-10T09:00:00.000Z',
    });
    expect((await api.caller.charter.overdueReviews()).overdue).toEqual([]);
    const { reviews } = await api.caller.charter.history({ accountId });
    expect(reviews).toHaveLength(1);
  });
});
