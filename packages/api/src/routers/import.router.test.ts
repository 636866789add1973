import { storeSnapshot } from '@steadfast/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../__tests__/rejections.ts';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';

const goodRows: Record<string, string>[] = [
  { external_id: 'CRM-1', name: 'Acme Pumps', owner_email: 'ada@example.com', stage: 'active' },
  { external_id: 'CRM-2', name: 'Northwind', owner_email: 'ada@example.com' },
];

describe('import router', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi();
  });
  afterEach(async () => {
    await api.close();
  });

  it('imports an admin’s rows all at once, each write in the audit trail under the admin', async () => {
    const report = await api.adminCaller.import.accounts({ rows: goodRows });

    expect(report).toMatchObject({ committed: true, files: [{ kind: 'accounts', imported: 2 }] });
    expect((await api.adminCaller.account.list()).map((account) => account.name)).toEqual([
      'Acme Pumps',
      'Northwind',
    ]);
    const items = await api.adminCaller.audit.list({});
    expect(items.filter((entry) => entry.action === 'account.create')).toHaveLength(2);
    expect(items.every((entry) => entry.actorId === api.adminId)).toBe(true);
  });

  it('answers rejected rows with a 400 carrying the whole report, and changes nothing', async () => {
    const before = await storeSnapshot(api.db);

    const error = await rejection(
      api.adminCaller.import.accounts({
        rows: [...goodRows, { name: 'Contoso', owner_email: 'eve@example.com', tier: 'gold' }],
      }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('1 row was rejected; nothing was imported.');
    expect(error.cause).toMatchObject({
      code: 'import_rejected',
      details: {
        report: {
          committed: false,
          files: [
            {
              imported: 2,
              rejections: [{ row: 4, field: 'tier', rule: expect.stringContaining('strategic') }],
            },
          ],
        },
      },
    });
    expect(await storeSnapshot(api.db)).toEqual(before);
  });

  it('checks promise rows in a dry run and writes no promise', async () => {
    await api.adminCaller.import.accounts({ rows: goodRows });

    const report = await api.adminCaller.import.promises({
      dryRun: true,
      rows: [
        {
          account: 'CRM-1',
          owner_email: 'ada@example.com',
          kind: 'delivery',
          what: '200 pumps',
          made_at: '2026-03-02T09:00:00Z',
          due_at: '2026-03-12T16:00:00Z',
          status: 'fulfilled',
          closed_at: '2026-03-11T12:00:00Z',
        },
      ],
    });

    expect(report).toMatchObject({ dryRun: true, committed: false, files: [{ imported: 1 }] });
    expect((await api.adminCaller.promise.list({})).items).toEqual([]);
  });

  it('is for admins only: an account manager is refused before anything is read', async () => {
    const error = await rejection(api.caller.import.accounts({ rows: goodRows }));

    expect(error.code).toBe('FORBIDDEN');
  });
});
