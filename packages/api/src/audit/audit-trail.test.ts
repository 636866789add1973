import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../__tests__/rejections.ts';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';

async function count(api: TestApi, table: 'audit_log' | 'promise_events'): Promise<number> {
  const row = await api.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('the audit trail', () => {
  let api: TestApi;
  let promiseId: string;
  beforeEach(async () => {
    api = await createTestApi();
    const account = await api.caller.account.create({ name: 'Northwind', ownerId: api.ownerId });
    const made = await api.caller.promise.create({
      accountId: account.id,
      ownerId: api.ownerId,
      kind: 'callback',
      title: 'Call back about the invoice',
      due: { kind: 'point', at: '2026-11-25T10:00:00Z' },
    });
    promiseId = made.id;
  });
  afterEach(async () => {
    await api.close();
  });

  it('records every write with who, what, when and the version before and after', async () => {
    await api.caller.promise.recordEvent({
      promiseId,
      expectedVersion: 1,
      event: { type: 'progress', milestone: 'Rang, no answer' },
    });
    const [latest] = await api.adminCaller.audit.list({ entityId: promiseId });
    expect(latest).toMatchObject({
      actorType: 'user',
      actorId: api.ownerId,
      action: 'promise.recordEvent',
      entityId: promiseId,
      versionBefore: 1,
      versionAfter: 2,
      at: api.clock.now,
    });
    const actions = (await api.adminCaller.audit.list()).map((entry) => entry.action).sort();
    expect(actions).toEqual(['account.create', 'promise.create', 'promise.recordEvent']);
  });

  it('writes nothing, neither change nor entry, when the write is refused', async () => {
    const before = await count(api, 'audit_log');
    const stale = await rejection(
      api.caller.promise.recordEvent({ promiseId, expectedVersion: 7, event: { type: 'missed' } }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(await count(api, 'audit_log')).toBe(before);
    expect(await count(api, 'promise_events')).toBe(1);
  });

  it('keeps the change only if its entry is kept: one transaction for both', async () => {
    await sql`CREATE TRIGGER audit_refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END`.execute(
      api.db,
    );
    await expect(
      api.caller.promise.recordEvent({
        promiseId,
        expectedVersion: 1,
        event: { type: 'cancelled', reason: 'Duplicate' },
      }),
    ).rejects.toThrow();
    expect(await count(api, 'promise_events')).toBe(1);
    expect((await api.caller.promise.get({ id: promiseId })).promise.status).toBe('open');
  });
});
