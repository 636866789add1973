import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedOwnerAndAccount } from './__tests__/test-database.ts';
import { openDatabase } from './connection.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { countAccounts } from './queries/account.queries.ts';
import {
  backupSqliteFile,
  closeSqliteStoreForReplacement,
  inspectSqliteStore,
} from './sqlite-file.ts';

describe('a SQLite store file', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'steadfast-sqlite-file-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  async function liveStore() {
    const file = join(folder, 'steadfast.sqlite');
    const handle = openDatabase({ kind: 'sqlite', file });
    await migrateToLatest(handle.db);
    await seedOwnerAndAccount(handle.db);
    return { file, handle };
  }

  it('is backed up while open, with what was committed still in the write-ahead log', async () => {
    const { file, handle } = await liveStore();
    const destination = join(folder, 'backup.sqlite');
    const progress: number[] = [];
    try {
      const { pages } = await backupSqliteFile({
        file,
        destination,
        onProgress: (copied) => progress.push(copied),
      });

      expect(pages).toBeGreaterThan(0);
      expect(progress.at(-1)).toBe(pages);
      const copy = openDatabase({ kind: 'sqlite', file: destination });
      expect(await countAccounts(copy.db)).toBe(1);
      await copy.close();
      expect(inspectSqliteStore(destination)).toEqual({
        problems: [],
        migrations: Object.keys(migrations).sort(),
      });
    } finally {
      await handle.close();
    }
  });

  it('is refused for a restore when it is not SQLite, not Steadfast, or from a newer version', async () => {
    const garbage = join(folder, 'notes.txt');
    writeFileSync(
      garbage,
      'this is not a database, just some text that is long enough '.repeat(20),
    );
    expect(inspectSqliteStore(garbage).problems).toEqual([
      expect.stringMatching(/^is not a readable SQLite database/),
    ]);

    const other = join(folder, 'other.sqlite');
    const notes = new SqliteDatabase(other);
    notes.exec('create table notes (text)');
    notes.close();
    expect(inspectSqliteStore(other).problems).toEqual([
      'is a SQLite database but not a Steadfast store (no migrations table)',
    ]);

    const { file, handle } = await liveStore();
    await handle.db
      .insertInto('kysely_migration' as never)
      .values({ name: '2099-01-01T000000_future', timestamp: '2099-01-01' } as never)
      .execute();
    await handle.close();
    expect(inspectSqliteStore(file).problems).toEqual([
      'was made by a newer Steadfast (migrations unknown here: 2099-01-01T000000_future)',
    ]);
  });

  it('is not released for replacement while another connection holds it, and left whole after', async () => {
    const { file, handle } = await liveStore();

    expect(closeSqliteStoreForReplacement(file)).toBe(false);
    await handle.close();
    expect(closeSqliteStoreForReplacement(file)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(inspectSqliteStore(file).problems).toEqual([]);
  });
});
