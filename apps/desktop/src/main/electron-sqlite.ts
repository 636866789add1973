import { existsSync } from 'node:fs';
import { join } from 'node:path';
// The package's own entry, not `better-sqlite3`: the build points that name at this file.
import SqliteDatabase from 'better-sqlite3/lib/index.js';

/**
 * better-sqlite3 as the Electron main process loads it. `pnpm --filter desktop start` compiles its
 * native binding for Electron's ABI into dist/native (the copy in node_modules stays built for
 * Node, which the tests and the server use); a packaged app has its node_modules rebuilt for
 * Electron by electron-builder, so there the default binding is right.
 */
const electronBinding = join(__dirname, '../native/better_sqlite3.node');

class ElectronSqliteDatabase extends SqliteDatabase {
  constructor(file: string, options: SqliteDatabase.Options = {}) {
    super(file, {
      ...(existsSync(electronBinding) ? { nativeBinding: electronBinding } : {}),
      ...options,
    });
  }
}

export default ElectronSqliteDatabase;
