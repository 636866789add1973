import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import {
  scheduleTouchpointSuggestions,
  suggestAccountTouchpoints,
} from './touchpoint-suggest.job.ts';
import { runDueJobs } from './worker.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('touchpoint suggest job', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi('2026-11-24T10:00:00.000Z');
  });
  afterEach(async () => {
    await api.close();
  });

  it('runs one account’s rules, and is scheduled once per account and slot', async () => {
    const account = await api.caller.account.create({
      name: 'Northwind',
      ownerId: api.ownerId,
      stage: 'active',
    });
    api.clock.now = '2027-01-10T10:00:00.000Z'; // 47 days without a touch
    const context = { db: api.db, now: () => api.clock.now, newId: api.newId };

    expect(await suggestAccountTouchpoints({ accountId: account.id }, context)).toEqual({
      suggested: 1,
    });
    expect(await suggestAccountTouchpoints({ accountId: account.id }, context)).toEqual({
      suggested: 0,
    });

    const schedule = () =>
      scheduleTouchpointSuggestions({ db: api.db, now: api.clock.now, everyMs: DAY_MS });
    expect(await schedule()).toBe(1);
    expect(await schedule()).toBe(0);
  });

  it('is run by the worker like any background job', async () => {
    const account = await api.caller.account.create({
      name: 'Contoso',
      ownerId: api.ownerId,
      stage: 'active',
    });
    api.clock.now = '2027-01-10T10:00:00.000Z';
    await scheduleTouchpointSuggestions({ db: api.db, now: api.clock.now, everyMs: DAY_MS });
    const ran = await runDueJobs({
      db: api.db,
      workerId: 'w',
      context: { db: api.db, now: () => api.clock.now, newId: api.newId },
    });
    expect(ran).toEqual([expect.objectContaining({ kind: 'touchpoint_suggest', ok: true })]);
    const { items } = await api.caller.touchpoint.list({ accountId: account.id });
    expect(items.map((t) => t.kind)).toEqual(['neglected_check_in']);
  });
});
