import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectionIn, tempDataDir } from './__tests__/temp-data-dir.ts';
import { localAccountManagerEmail, localDatabaseFileName, openLocalMode } from './local-mode.ts';

const now = () => '2026-11-24T10:00:00.000Z';
let dataDir: ReturnType<typeof tempDataDir>;
beforeEach(() => {
  dataDir = tempDataDir();
});
afterEach(() => dataDir.remove());

describe('local mode', () => {
  it('creates the SQLite file in the data folder and the local account manager on first start', async () => {
    const local = await openLocalMode({
      dataDir: dataDir.path,
      ownerName: 'Ada Lovelace',
      now,
      newId: uuidv7,
    });
    try {
      expect(existsSync(join(dataDir.path, localDatabaseFileName))).toBe(true);
      expect(local.user).toMatchObject({
        name: 'Ada Lovelace',
        email: localAccountManagerEmail,
        role: 'account_manager',
      });
      const me = await local.call({ id: 1, type: 'query', path: 'auth.me', input: undefined });
      expect(me).toEqual({ id: 1, result: { data: local.user } });
    } finally {
      await local.close();
    }
  });

  it('finds the same person and their data again on the next start', async () => {
    const first = await openLocalMode({
      dataDir: dataDir.path,
      ownerName: 'Ada',
      now,
      newId: uuidv7,
    });
    const created = await first.call({
      id: 1,
      type: 'mutation',
      path: 'account.create',
      input: { name: 'Northwind', ownerId: first.user.id },
    });
    expect('result' in created).toBe(true);
    await first.close();

    const again = await openLocalMode({
      dataDir: dataDir.path,
      ownerName: 'Someone else',
      now,
      newId: uuidv7,
    });
    try {
      expect(again.user).toEqual(first.user);
      const accounts = await again.call({ id: 2, type: 'query', path: 'account.list', input: {} });
      expect('result' in accounts && accounts.result.data).toEqual([
        expect.objectContaining({ name: 'Northwind', ownerId: first.user.id }),
      ]);
    } finally {
      await again.close();
    }
  });

  it('is restored from the settings on the next start, without asking again', async () => {
    const firstStart = connectionIn(dataDir.path);
    await firstStart.restore();
    expect(firstStart.status()).toMatchObject({ mode: 'unset', signedIn: false });
    await firstStart.chooseLocal('Ada');
    expect(firstStart.status()).toMatchObject({ mode: 'local', signedIn: true });
    await firstStart.close();

    const nextStart = connectionIn(dataDir.path);
    await nextStart.restore();
    try {
      expect(nextStart.status()).toMatchObject({
        mode: 'local',
        signedIn: true,
        dataLocation: join(dataDir.path, localDatabaseFileName),
      });
      expect(nextStart.backend()?.kind).toBe('local');
    } finally {
      await nextStart.close();
    }
  });
});
