import { insertUser } from '@steadfast/db';
import {
  createTestDatabase,
  databaseKinds,
  storeSnapshot,
  type TestDatabase,
} from '@steadfast/db/testing';
import type { CsvRecord } from '@steadfast/domain';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { sequentialIds } from '../__tests__/test-api.ts';
import { createCaller } from '../root.ts';
import { exportAccountRecords, exportPromiseRecords } from './export-csv.ts';
import type { CsvFile } from './import-report.ts';
import { importCsv } from './run-import.ts';

const now = '2026-11-24T10:00:00.000Z';

/** A parsed CSV file whose header is every column its records use. */
function csvFile(records: readonly CsvRecord[]): CsvFile {
  return { header: [...new Set(records.flatMap((record) => Object.keys(record)))], records };
}

const accounts = csvFile([
  {
    external_id: 'CRM-1',
    name: 'Acme Pumps',
    owner_email: 'ada@example.com',
    stage: 'active',
    tier: 'key',
    time_zone: 'Europe/Berlin',
    customer_since: '2019-04-01',
  },
  {
    external_id: 'CRM-2',
    name: 'Northwind',
    owner_email: 'ADA@example.com',
    stage: 'onboarding',
    tier: '',
    time_zone: '',
    customer_since: '',
  },
]);

const history = csvFile([
  // Kept a day before its due: on time.
  {
    external_id: 'ERP-1',
    account: 'CRM-1',
    owner_email: 'ada@example.com',
    kind: 'delivery',
    what: '200 pumps',
    made_at: '2026-03-02T09:00:00Z',
    due_at: '2026-03-12T16:00:00Z',
    status: 'fulfilled',
    closed_at: '2026-03-11T12:00:00Z',
  },
  // Missed, the customer told two days before the due.
  {
    external_id: 'ERP-2',
    account: 'CRM-1',
    owner_email: 'ada@example.com',
    kind: 'delivery',
    what: 'Spare seals',
    made_at: '2026-04-01T09:00:00Z',
    due_at: '2026-04-10T16:00:00Z',
    status: 'missed',
    closed_at: '2026-04-10T16:00:00Z',
    note: 'Supplier strike',
    informed_at: '2026-04-08T10:00:00Z',
    informed_channel: 'phone',
    apologised: 'yes',
  },
  // Named by the account's name, still running.
  {
    external_id: 'ERP-3',
    account: 'Northwind',
    owner_email: 'ada@example.com',
    kind: 'quote',
    what: 'Quote for 50 valves',
    made_at: '2026-11-20T09:00:00Z',
    due_earliest: '2026-11-25T09:00:00Z',
    due_latest: '2026-11-27T16:00:00Z',
    status: 'open',
  },
]);

describe.each(databaseKinds)('CSV import and export on %s', (kind) => {
  let database: TestDatabase;
  let adminId: string;
  let newId: () => string;
  beforeEach(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
    newId = sequentialIds();
    adminId = newId();
    await insertUser(database.db, {
      id: adminId,
      name: 'Sam Admin',
      email: 'sam@example.com',
      role: 'admin',
      createdAt: now,
    });
    await insertUser(database.db, {
      id: newId(),
      name: 'Ada Owner',
      email: 'ada@example.com',
      role: 'account_manager',
      createdAt: now,
    });
  });
  afterEach(async () => {
    await database.close();
  });

  const run = (files: { accounts?: CsvFile; promises?: CsvFile }, dryRun = false) =>
    importCsv(database.db, { ...files, actorId: adminId, now, newId, dryRun });

  it('a file with bad rows changes nothing and names the row, field and rule of each', async () => {
    await run({ accounts });
    const before = await storeSnapshot(database.db);

    const report = await run({
      promises: csvFile([
        history.records[0] ?? {},
        { ...history.records[1], external_id: 'ERP-9', kind: 'parcel', made_at: 'yesterday' },
        {
          ...history.records[2],
          external_id: 'ERP-10',
          account: 'Nobody Ltd',
          owner_email: 'eve@example.com',
        },
        // Passes every cell check, but the domain refuses a miss before the condition is met.
        {
          ...history.records[1],
          external_id: 'ERP-11',
          condition: 'provided the specs arrive',
          informed_at: '',
        },
        { ...history.records[0], external_id: 'ERP-1' },
      ]),
    });

    expect(report.committed).toBe(false);
    expect(report.files[0]).toMatchObject({ kind: 'promises', rows: 5, imported: 1, skipped: 0 });
    expect(report.files[0]?.rejections).toEqual([
      { row: 3, field: 'kind', rule: expect.stringMatching(/^must be one of delivery/) },
      { row: 3, field: 'made_at', rule: expect.stringMatching(/^must be an ISO-8601 date-time/) },
      { row: 4, field: 'account', rule: 'no account has this external id or name' },
      { row: 4, field: 'owner_email', rule: 'no user has this e-mail address' },
      { row: 5, field: 'closed_at', rule: expect.stringMatching(/condition is not met/) },
      { row: 6, field: 'external_id', rule: 'appears twice in this file (first on row 2)' },
    ]);
    expect(await storeSnapshot(database.db)).toEqual(before);
  });

  it('replays history without announcing old closings to webhook subscribers', async () => {
    const { token } = await createCaller({
      db: database.db,
      now: () => now,
      newId,
      actorId: adminId,
    }).token.create({ name: 'CRM', scopes: ['webhooks:manage'] });
    await createCaller({
      db: database.db,
      now: () => now,
      newId,
      actorId: null,
      token,
    }).webhook.create({
      url: 'https://crm.example.com/in',
      eventTypes: ['promise.fulfilled', 'promise.missed'],
    });

    const report = await run({ accounts, promises: history });

    expect(report.committed).toBe(true);
    const deliveries = await database.db.selectFrom('webhook_deliveries').selectAll().execute();
    expect(deliveries).toEqual([]);
  });

  it('a header without a required column rejects the file on row 1 and changes nothing', async () => {
    const before = await storeSnapshot(database.db);

    const report = await run({ accounts: { header: ['name'], records: [{ name: 'Acme' }] } });

    expect(report.files[0]?.rejections).toEqual([
      { row: 1, field: 'owner_email', rule: 'column is missing' },
    ]);
    expect(await storeSnapshot(database.db)).toEqual(before);
  });

  it('a dry run of a good file reports what it would import and changes nothing', async () => {
    const before = await storeSnapshot(database.db);

    const report = await run({ accounts, promises: history }, true);

    expect(report).toMatchObject({ dryRun: true, committed: false });
    expect(report.files.map((file) => [file.kind, file.imported, file.rejections])).toEqual([
      ['accounts', 2, []],
      ['promises', 3, []],
    ]);
    expect(await storeSnapshot(database.db)).toEqual(before);
  });

  it('a good file imports in one go and its history shows in outcomes and trust scores', async () => {
    const report = await run({ accounts, promises: history });

    expect(report.committed).toBe(true);
    const caller = createCaller({ db: database.db, now: () => now, newId, actorId: adminId });
    const [acme] = await caller.account
      .list({})
      .then((list) => list.filter((a) => a.name === 'Acme Pumps'));
    if (acme === undefined) throw new Error('Acme Pumps was not imported');
    expect(acme).toMatchObject({
      stage: 'active',
      tier: 'key',
      timeZone: 'Europe/Berlin',
      customerSince: '2019-04-01',
    });
    const promises = await caller.promise.list({ accountId: acme.id });
    const outcomes = await Promise.all(
      promises.items.map((p) => caller.promise.outcome({ id: p.id })),
    );
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['missed', 'on_time']);
    const trust = await caller.trust.account({ accountId: acme.id });
    expect(trust.outcomes).toMatchObject({ on_time: 1, missed: 1 });
    const company = await caller.trust.company();
    expect(company.outcomes).toMatchObject({ on_time: 1, missed: 1 });
    // The miss was announced two days ahead: it counts as an announced slip, as a live one would.
    const missed = promises.items.find((p) => p.status === 'missed');
    const { promise } = await caller.promise.get({ id: missed?.id ?? '' });
    expect(promise.notices).toEqual([
      expect.objectContaining({ beforeDue: true, channel: 'phone', apologised: true }),
    ]);
  });

  it('re-importing a file with external ids skips every row it already made', async () => {
    await run({ accounts, promises: history });
    const before = await storeSnapshot(database.db);

    const again = await run({ accounts, promises: history });

    expect(again.committed).toBe(true);
    expect(again.files.map((file) => [file.imported, file.skipped, file.rejections])).toEqual([
      [0, 2, []],
      [0, 3, []],
    ]);
    expect(await storeSnapshot(database.db)).toEqual(before);
  });

  it('re-importing a file without external ids is refused row by row, naming the duplicate', async () => {
    const strip = (file: CsvFile) =>
      csvFile(
        file.records.map(({ external_id: _, ...rest }) => ({
          ...rest,
          ...(rest.account === 'CRM-1' ? { account: 'Acme Pumps' } : {}),
        })),
      );
    const first = await run({ accounts: strip(accounts), promises: strip(history) });
    expect(first.committed).toBe(true);
    const before = await storeSnapshot(database.db);

    const again = await run({ accounts: strip(accounts), promises: strip(history) });

    const accountDuplicate = expect.stringMatching(/^an account of this name exists already/);
    const promiseDuplicate = expect.stringMatching(/^this promise exists already/);
    expect(again.files.flatMap((file) => file.rejections)).toEqual([
      { row: 2, field: 'name', rule: accountDuplicate },
      { row: 3, field: 'name', rule: accountDuplicate },
      { row: 2, field: 'what', rule: promiseDuplicate },
      { row: 3, field: 'what', rule: promiseDuplicate },
      { row: 4, field: 'what', rule: promiseDuplicate },
    ]);
    expect(await storeSnapshot(database.db)).toEqual(before);
  });

  it('an export imports into an empty store and exports again the same', async () => {
    await run({ accounts, promises: history });
    const collect = async <T>(records: AsyncGenerator<T>) => {
      const all: T[] = [];
      for await (const record of records) all.push(record);
      return all;
    };
    const exportedAccounts = await collect(exportAccountRecords(database.db, { pageSize: 1 }));
    const exportedPromises = await collect(exportPromiseRecords(database.db, { now, pageSize: 2 }));
    expect(exportedPromises.map((p) => [p.external_id, p.status, p.result])).toEqual(
      expect.arrayContaining([
        ['ERP-1', 'fulfilled', 'on_time'],
        ['ERP-2', 'missed', 'missed'],
        ['ERP-3', 'open', 'open'],
      ]),
    );

    // Into an empty store of the same kind, with the same people: the first one is done with.
    await database.close();
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
    await insertUser(database.db, {
      id: adminId,
      name: 'Sam Admin',
      email: 'sam@example.com',
      role: 'admin',
      createdAt: now,
    });
    await insertUser(database.db, {
      id: newId(),
      name: 'Ada Owner',
      email: 'ada@example.com',
      role: 'account_manager',
      createdAt: now,
    });
    const report = await run({
      accounts: csvFile(exportedAccounts),
      promises: csvFile(exportedPromises),
    });
    expect(report.committed).toBe(true);

    const sortedBy = <T extends { external_id: string }>(rows: T[]) =>
      [...rows].sort((a, b) => a.external_id.localeCompare(b.external_id));
    expect(sortedBy(await collect(exportAccountRecords(database.db)))).toEqual(
      sortedBy(exportedAccounts),
    );
    expect(sortedBy(await collect(exportPromiseRecords(database.db, { now })))).toEqual(
      sortedBy(exportedPromises),
    );
  });

  it('only an admin may import', async () => {
    const managerId = newId();
    await insertUser(database.db, {
      id: managerId,
      name: 'Max',
      email: 'max@example.com',
      role: 'account_manager',
      createdAt: now,
    });

    await expect(
      importCsv(database.db, { accounts, actorId: managerId, now, newId, dryRun: true }),
    ).rejects.toMatchObject({ code: 'importer_not_admin' });
  });
});
