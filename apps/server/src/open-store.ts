import { join } from 'node:path';
import {
  countAccounts,
  type DatabaseHandle,
  isUniqueViolation,
  migrateToLatest,
  openDatabase,
} from '@steadfast/db';
import type { Instant } from '@steadfast/domain';
import { type DemoDataCounts, loadDemoData } from './demo/load-demo-data.ts';
import type { ServerEnv } from './env.ts';

export const sqliteFileName = 'steadfast.sqlite';

/** The configured store: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
export function openConfiguredDatabase(
  env: Pick<ServerEnv, 'dataDir' | 'databaseUrl'>,
): DatabaseHandle {
  return env.databaseUrl === undefined
    ? openDatabase({ kind: 'sqlite', file: join(env.dataDir, sqliteFileName) })
    : openDatabase({ kind: 'postgres', url: env.databaseUrl });
}

/**
 * Opens the configured store, brings its schema up to date and, when it is empty and demo data is
 * wanted, fills it with a realistic history so a newcomer sees something meaningful.
 */
export async function openStore(
  env: Pick<ServerEnv, 'dataDir' | 'databaseUrl' | 'demoData'>,
  ids: { now: () => Instant; newId: () => string },
): Promise<{ handle: DatabaseHandle; demo: DemoDataCounts | null }> {
  const handle = openConfiguredDatabase(env);
  try {
    await migrateToLatest(handle.db);
    const empty = (await countAccounts(handle.db)) === 0;
    if (!env.demoData || !empty) return { handle, demo: null };
    try {
      return { handle, demo: await loadDemoData(handle.db, { now: ids.now(), newId: ids.newId }) };
    } catch (error) {
      // Another instance starting on the same PostgreSQL loaded it first (the demo users' e-mail
      // addresses are unique); its load is all-or-nothing, so ours is simply not needed.
      if (isUniqueViolation(error)) return { handle, demo: null };
      throw error;
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
}
