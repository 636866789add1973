import type { Importance } from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fieldErrors, rejection } from '../__tests__/rejections.ts';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('touchpoint router', () => {
  let api: TestApi;
  let accountId: string;
  beforeEach(async () => {
    api = await createTestApi('2026-11-24T10:00:00.000Z');
    const account = await api.caller.account.create({
      name: 'Northwind',
      ownerId: api.ownerId,
      stage: 'active',
      timeZone: 'Europe/Berlin',
      customerSince: '2024-05-01',
    });
    accountId = account.id;
  });
  afterEach(async () => {
    await api.close();
  });

  function advance(days: number): void {
    api.clock.now = new Date(Date.parse(api.clock.now) + days * DAY_MS).toISOString();
  }

  /** A promise made now and fulfilled in full an hour later (the clock moves with it). */
  async function fulfilPromise(
    options: { importance?: Importance; title?: string; account?: string } = {},
  ): Promise<string> {
    const made = await api.caller.promise.create({
      accountId: options.account ?? accountId,
      ownerId: api.ownerId,
      kind: 'delivery',
      title: options.title ?? 'Deliver 40 pallets of grout',
      importance: options.importance ?? 'high',
      due: { kind: 'point', at: new Date(Date.parse(api.clock.now) + 5 * DAY_MS).toISOString() },
    });
    api.clock.now = new Date(Date.parse(api.clock.now) + 3_600_000).toISOString();
    await api.caller.promise.recordEvent({
      promiseId: made.id,
      expectedVersion: 1,
      event: { type: 'fulfilled', completeness: 'full' },
    });
    return made.id;
  }

  async function tableCount(): Promise<number> {
    const row = await api.db
      .selectFrom('touchpoints')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('suggests a thank-you after an important fulfilment, once however often it runs', async () => {
    const promiseId = await fulfilPromise({ importance: 'critical' });
    await fulfilPromise({ importance: 'normal', title: 'Send the invoice copy' });

    const first = await api.caller.touchpoint.suggest({ accountId });
    expect(first.suggested).toEqual([
      expect.objectContaining({
        kind: 'thank_you_after_fulfilment',
        status: 'suggested',
        origin: 'rule',
        accountId,
        ownerId: api.ownerId,
        promiseId,
        dedupeKey: `thanks:${promiseId}`,
        dueAt: '2026-11-24T11:00:00.000Z',
        version: 1,
      }),
    ]);

    advance(1);
    const second = await api.caller.touchpoint.suggest({ accountId });
    expect(second.suggested).toEqual([]);
    expect(await tableCount()).toBe(1);
  });

  it('stores each suggestion once when runs for the same account overlap', async () => {
    await fulfilPromise();
    const runs = await Promise.all(
      Array.from({ length: 5 }, () => api.caller.touchpoint.suggest({ accountId })),
    );
    expect(runs.flatMap((run) => run.suggested)).toHaveLength(1);
    expect(await tableCount()).toBe(1);
  });

  it('no longer suggests a thank-you more than seven days after the fulfilment', async () => {
    await fulfilPromise();
    advance(8);
    expect((await api.caller.touchpoint.suggest({ accountId })).suggested).toEqual([]);
  });

  it('thanks a repeat customer at their third fulfilled promise', async () => {
    await fulfilPromise({ importance: 'low' });
    await fulfilPromise({ importance: 'low' });
    expect((await api.caller.touchpoint.suggest({ accountId })).suggested).toEqual([]);

    const third = await fulfilPromise({ importance: 'low', title: 'Third delivery' });
    const { suggested } = await api.caller.touchpoint.suggest({ accountId });
    expect(suggested.map((t) => [t.kind, t.dedupeKey, t.promiseId])).toEqual([
      ['repeat_customer_thanks', `repeat_thanks:${accountId}:3`, third],
    ]);
    expect(suggested[0]?.reason).toContain('Their 3rd fulfilled promise (“Third delivery”');
  });

  it('suggests the anniversary of a customer since 29 February on 28 February, as its first', async () => {
    const leap = await api.caller.account.create({
      name: 'Leapling Ltd',
      ownerId: api.ownerId,
      stage: 'active',
      timeZone: 'UTC',
      customerSince: '2028-02-29',
    });
    api.clock.now = '2029-02-26T09:00:00.000Z';

    const { suggested } = await api.caller.touchpoint.suggest({ accountId: leap.id });

    const anniversaries = suggested.filter((t) => t.kind === 'anniversary');
    expect(anniversaries.map((t) => [t.kind, t.dedupeKey, t.dueAt, t.reason])).toEqual([
      [
        'anniversary',
        `anniversary:${leap.id}:2029`,
        '2029-02-28T00:00:00.000Z',
        '1st anniversary as a customer on 2029-02-28 (customer since 2028-02-29).',
      ],
    ]);
  });

  it('checks in on an existing account after 45 quiet days, never on a prospect or churned one', async () => {
    const prospect = await api.caller.account.create({
      name: 'Maybe Corp',
      ownerId: api.ownerId,
      stage: 'prospect',
    });
    const churned = await api.caller.account.create({
      name: 'Gone GmbH',
      ownerId: api.ownerId,
      stage: 'churned',
    });
    await fulfilPromise({ importance: 'low' }); // a touch on 24 November

    advance(44);
    const early = await api.caller.touchpoint.suggest();
    expect(early).toEqual({ accountsReviewed: 3, suggested: [] });

    advance(1);
    const due = await api.caller.touchpoint.suggest();
    expect(due.suggested.map((t) => [t.accountId, t.kind, t.dueAt])).toEqual([
      [accountId, 'neglected_check_in', '2027-01-08T11:00:00.000Z'],
    ]);
    const all = await api.caller.touchpoint.list();
    expect(all.items.map((t) => t.accountId)).not.toContain(prospect.id);
    expect(all.items.map((t) => t.accountId)).not.toContain(churned.id);
  });

  it('counts a promise made as a touch', async () => {
    advance(40);
    await api.caller.promise.create({
      accountId,
      ownerId: api.ownerId,
      kind: 'callback',
      title: 'Call back about the pricing',
      due: { kind: 'point', at: new Date(Date.parse(api.clock.now) + DAY_MS).toISOString() },
    });
    advance(10); // 50 days after the account was opened, 10 after the promise
    expect((await api.caller.touchpoint.suggest({ accountId })).suggested).toEqual([]);
  });

  it('completes a suggestion with a note at its version; completing it again is an illegal transition', async () => {
    await fulfilPromise();
    const [suggested] = (await api.caller.touchpoint.suggest({ accountId })).suggested;
    if (suggested === undefined) throw new Error('expected a suggestion');

    advance(1);
    const done = await api.caller.touchpoint.complete({
      touchpointId: suggested.id,
      expectedVersion: 1,
      note: 'Called Maria to thank her',
    });
    expect(done).toMatchObject({
      status: 'done',
      note: 'Called Maria to thank her',
      doneAt: api.clock.now,
      doneBy: api.ownerId,
      version: 2,
    });

    const again = await rejection(
      api.caller.touchpoint.complete({ touchpointId: suggested.id, expectedVersion: 2 }),
    );
    expect(again.code).toBe('UNPROCESSABLE_CONTENT');
    expect(again.cause).toMatchObject({ code: 'touchpoint_closed' });
    const dismiss = await rejection(
      api.caller.touchpoint.dismiss({
        touchpointId: suggested.id,
        expectedVersion: 2,
        reason: 'x',
      }),
    );
    expect(dismiss.code).toBe('UNPROCESSABLE_CONTENT');
  });

  it('dismisses with a reason; completing a dismissed one is an illegal transition', async () => {
    await fulfilPromise();
    const [suggested] = (await api.caller.touchpoint.suggest({ accountId })).suggested;
    if (suggested === undefined) throw new Error('expected a suggestion');

    const dismissed = await api.caller.touchpoint.dismiss({
      touchpointId: suggested.id,
      expectedVersion: 1,
      reason: 'Thanked them on the delivery call already',
    });
    expect(dismissed).toMatchObject({
      status: 'dismissed',
      dismissReason: 'Thanked them on the delivery call already',
      version: 2,
    });

    const complete = await rejection(
      api.caller.touchpoint.complete({ touchpointId: suggested.id, expectedVersion: 2 }),
    );
    expect(complete.code).toBe('UNPROCESSABLE_CONTENT');
    expect((await api.caller.touchpoint.suggest({ accountId })).suggested).toEqual([]);
  });

  it('answers a stale version with CONFLICT naming the current one, and changes nothing', async () => {
    await fulfilPromise();
    const [suggested] = (await api.caller.touchpoint.suggest({ accountId })).suggested;
    if (suggested === undefined) throw new Error('expected a suggestion');
    await api.caller.touchpoint.dismiss({
      touchpointId: suggested.id,
      expectedVersion: 1,
      reason: 'Not now',
    });

    const stale = await rejection(
      api.caller.touchpoint.complete({ touchpointId: suggested.id, expectedVersion: 1 }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.cause).toMatchObject({ details: { currentVersion: 2 } });
    const [stored] = (await api.caller.touchpoint.list({ accountId })).items;
    expect(stored).toMatchObject({ status: 'dismissed', version: 2, note: null });
  });

  it('answers bad input with BAD_REQUEST naming the field and the rule, and changes nothing', async () => {
    await fulfilPromise();
    const [suggested] = (await api.caller.touchpoint.suggest({ accountId })).suggested;
    if (suggested === undefined) throw new Error('expected a suggestion');

    const noReason = await rejection(
      api.caller.touchpoint.dismiss({ touchpointId: suggested.id, expectedVersion: 1, reason: '' }),
    );
    expect(noReason.code).toBe('BAD_REQUEST');
    expect(fieldErrors(noReason)).toEqual({ reason: ['must not be empty'] });

    const future = await rejection(
      api.caller.touchpoint.complete({
        touchpointId: suggested.id,
        expectedVersion: 1,
        doneAt: '2026-12-24T10:00:00Z',
      }),
    );
    expect(future.code).toBe('BAD_REQUEST');
    expect(future.cause).toMatchObject({ field: 'doneAt', code: 'occurred_in_future' });

    const badRules = await rejection(
      api.caller.touchpoint.suggest({ accountId, rules: { neglectedAfterDays: 0 } }),
    );
    expect(fieldErrors(badRules)).toEqual({ 'rules.neglectedAfterDays': ['must be at least 1'] });

    const [stored] = (await api.caller.touchpoint.list({ accountId })).items;
    expect(stored).toMatchObject({ status: 'suggested', version: 1 });
  });

  it('answers unknown touchpoints, accounts and promises with NOT_FOUND naming the field', async () => {
    const unknown = '00000000-0000-7000-8000-0000000000ff';
    const touchpoint = await rejection(
      api.caller.touchpoint.complete({ touchpointId: unknown, expectedVersion: 1 }),
    );
    expect(touchpoint.code).toBe('NOT_FOUND');
    expect(touchpoint.cause).toMatchObject({ field: 'touchpointId' });

    const account = await rejection(api.caller.touchpoint.suggest({ accountId: unknown }));
    expect(account.cause).toMatchObject({ code: 'account_not_found', field: 'accountId' });

    const elsewhere = await api.caller.account.create({ name: 'Other', ownerId: api.ownerId });
    const theirs = await fulfilPromise({ account: elsewhere.id });
    const promise = await rejection(
      api.caller.touchpoint.log({
        accountId,
        kind: 'thank_you_after_fulfilment',
        promiseId: theirs,
      }),
    );
    expect(promise.code).toBe('NOT_FOUND');
    expect(promise.cause).toMatchObject({ field: 'promiseId' });
    expect(await tableCount()).toBe(0);
  });

  it('logs a referral sent their way directly as done', async () => {
    const logged = await api.caller.touchpoint.log({
      accountId,
      kind: 'referral',
      note: 'Introduced them to Contoso’s buyer',
      doneAt: '2026-11-23T15:00:00Z',
    });
    expect(logged).toMatchObject({
      kind: 'referral',
      origin: 'person',
      status: 'done',
      ownerId: api.ownerId,
      doneAt: '2026-11-23T15:00:00.000Z',
      dueAt: '2026-11-23T15:00:00.000Z',
      doneBy: api.ownerId,
      version: 1,
    });
    const done = await api.caller.touchpoint.list({ accountId, status: 'done' });
    expect(done.items).toEqual([logged]);
  });

  it('suggests no thank-you for a promise someone already logged a thank-you for', async () => {
    const promiseId = await fulfilPromise();
    await api.caller.touchpoint.log({ accountId, kind: 'thank_you_after_fulfilment', promiseId });
    expect((await api.caller.touchpoint.suggest({ accountId })).suggested).toEqual([]);
  });

  it('lists by owner and status, soonest first, a page at a time', async () => {
    await fulfilPromise({ title: 'First' });
    advance(1);
    await fulfilPromise({ title: 'Second' });
    advance(1);
    await fulfilPromise({ title: 'Third, a milestone', importance: 'low' });
    await api.caller.touchpoint.suggest();
    await api.caller.touchpoint.log({ accountId, kind: 'referral' });

    const suggested = await api.caller.touchpoint.list({
      ownerId: api.ownerId,
      status: 'suggested',
      limit: 2,
    });
    expect(suggested.items.map((t) => t.reason?.slice(0, 40))).toEqual([
      '“First” was fulfilled on 2026-11-24: tha',
      '“Second” was fulfilled on 2026-11-25: th',
    ]);
    expect(suggested.nextCursor).not.toBeNull();
    const rest = await api.caller.touchpoint.list({
      ownerId: api.ownerId,
      status: 'suggested',
      cursor: suggested.nextCursor ?? undefined,
    });
    expect(rest.items.map((t) => t.kind)).toEqual(['repeat_customer_thanks']);
    expect(rest.nextCursor).toBeNull();

    const badCursor = await rejection(api.caller.touchpoint.list({ cursor: 'nonsense' }));
    expect(badCursor.code).toBe('BAD_REQUEST');
  });
});
