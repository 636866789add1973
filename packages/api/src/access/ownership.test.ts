import { insertUser } from '@steadfast/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../__tests__/rejections.ts';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import { createCaller } from '../root.ts';

describe('account managers work on their own accounts only, and it is enforced in the API', () => {
  let api: TestApi;
  let other: ReturnType<typeof createCaller>;
  let leader: ReturnType<typeof createCaller>;
  let mine: { accountId: string; promiseId: string };
  let theirs: { accountId: string; promiseId: string; ownerId: string };

  beforeEach(async () => {
    api = await createTestApi();
    const otherId = api.newId();
    const leaderId = api.newId();
    await insertUser(api.db, {
      id: otherId,
      name: 'Otto Other',
      email: 'otto@example.com',
      role: 'account_manager',
      createdAt: api.clock.now,
    });
    await insertUser(api.db, {
      id: leaderId,
      name: 'Lee Leader',
      email: 'lee@example.com',
      role: 'leader',
      createdAt: api.clock.now,
    });
    const context = { db: api.db, now: () => api.clock.now, newId: api.newId };
    other = createCaller({ ...context, actorId: otherId });
    leader = createCaller({ ...context, actorId: leaderId });
    const due = { kind: 'point' as const, at: '2026-12-01T10:00:00Z' };
    const myAccount = await api.caller.account.create({ name: 'Mine Ltd', ownerId: api.ownerId });
    const myPromise = await api.caller.promise.create({
      accountId: myAccount.id,
      ownerId: api.ownerId,
      kind: 'quote',
      title: 'Quote',
      due,
    });
    const theirAccount = await other.account.create({ name: 'Theirs plc', ownerId: otherId });
    const theirPromise = await other.promise.create({
      accountId: theirAccount.id,
      ownerId: otherId,
      kind: 'quote',
      title: 'Quote',
      due,
    });
    mine = { accountId: myAccount.id, promiseId: myPromise.id };
    theirs = { accountId: theirAccount.id, promiseId: theirPromise.id, ownerId: otherId };
  });
  afterEach(async () => {
    await api.close();
  });

  it('lists only their own accounts and promises; a leader sees all', async () => {
    expect((await api.caller.account.list()).map((a) => a.id)).toEqual([mine.accountId]);
    expect((await api.caller.account.list({ ownerId: theirs.ownerId })).map((a) => a.id)).toEqual([
      mine.accountId,
    ]);
    expect((await api.caller.promise.list()).items.map((p) => p.id)).toEqual([mine.promiseId]);
    expect((await leader.account.list()).map((a) => a.name)).toEqual(['Mine Ltd', 'Theirs plc']);
  });

  it('answers another manager’s account or promise as if it did not exist, and changes nothing', async () => {
    expect((await rejection(api.caller.account.get({ id: theirs.accountId }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await rejection(api.caller.promise.get({ id: theirs.promiseId }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await rejection(api.caller.trust.account({ accountId: theirs.accountId }))).code).toBe(
      'NOT_FOUND',
    );
    const write = await rejection(
      api.caller.promise.recordEvent({
        promiseId: theirs.promiseId,
        expectedVersion: 1,
        event: { type: 'cancelled', reason: 'Not mine' },
      }),
    );
    expect(write.code).toBe('NOT_FOUND');
    expect((await other.promise.get({ id: theirs.promiseId })).promise.status).toBe('open');
    const batch = await rejection(
      api.caller.charter.observeBatch({
        observations: [
          { accountId: theirs.accountId, termId: mine.accountId, businessMinutes: 10 },
        ],
      }),
    );
    expect(batch.code).toBe('NOT_FOUND');
  });

  it('refuses to make promises for another manager or read their trust score', async () => {
    const forOther = await rejection(
      api.caller.promise.create({
        accountId: mine.accountId,
        ownerId: theirs.ownerId,
        kind: 'quote',
        title: 'X',
        due: { kind: 'point', at: '2026-12-01T10:00:00Z' },
      }),
    );
    expect(forOther.code).toBe('FORBIDDEN');
    expect((await rejection(api.caller.trust.manager({ userId: theirs.ownerId }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await api.caller.trust.manager({ userId: api.ownerId })).user.id).toBe(api.ownerId);
  });
});
