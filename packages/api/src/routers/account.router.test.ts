import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';

describe('account router', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi();
  });
  afterEach(async () => {
    await api.close();
  });

  it('creates accounts with defaults and lists them by stage', async () => {
    const prospect = await api.caller.account.create({ name: 'Contoso', ownerId: api.ownerId });
    const active = await api.caller.account.create({
      name: 'Acme',
      ownerId: api.ownerId,
      stage: 'active',
      customerSince: '2023-02-01',
    });
    expect(prospect).toMatchObject({
      stage: 'prospect',
      tier: 'standard',
      timeZone: 'UTC',
      customerSince: null,
      version: 1,
    });

    expect((await api.caller.account.list()).map((a) => a.name)).toEqual(['Acme', 'Contoso']);
    expect((await api.caller.account.list({ stage: 'active' })).map((a) => a.id)).toEqual([
      active.id,
    ]);
    expect(await api.caller.account.get({ id: active.id })).toEqual({
      account: active,
      contacts: [],
    });
  });

  it('rejects an unknown time zone and an unknown owner, naming the field', async () => {
    const badZone = await api.caller.account
      .create({ name: 'X', ownerId: api.ownerId, timeZone: 'Mars/Olympus' })
      .catch((e: unknown) => e);
    expect(badZone).toBeInstanceOf(TRPCError);
    expect((badZone as TRPCError).code).toBe('BAD_REQUEST');
    expect((badZone as TRPCError).cause).toMatchObject({ issues: [{ path: ['timeZone'] }] });

    const badOwner = await api.adminCaller.account
      .create({ name: 'X', ownerId: '00000000-0000-7000-8000-0000000000ff' })
      .catch((e: unknown) => e);
    expect((badOwner as TRPCError).code).toBe('NOT_FOUND');
    expect((badOwner as TRPCError).cause).toMatchObject({ field: 'ownerId' });
    expect(await api.caller.account.list()).toEqual([]);
  });
});
