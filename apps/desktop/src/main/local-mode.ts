import { join } from 'node:path';
import { type ApiContext, appRouter } from '@steadfast/api';
import {
  type DatabaseHandle,
  type Db,
  findUserByEmail,
  insertUser,
  migrateToLatest,
  openDatabase,
} from '@steadfast/db';
import type { Instant, User } from '@steadfast/domain';
import type { BridgeOperation, BridgeResponse } from '../shared/bridge.ts';
import type { ApiBackend } from './api-backend.ts';
import { callRouterProcedure } from './procedure-call.ts';

export const localDatabaseFileName = 'steadfast.sqlite';

/** The one person of a local installation is found again by this address on every start. */
export const localAccountManagerEmail = 'me@local.steadfast.app';

/** The API running in this process over the local SQLite file, as the local account manager. */
export interface LocalMode extends ApiBackend {
  kind: 'local';
  /** The local account manager: the session every call runs in. */
  user: User;
  /** The local store, for the background work local mode does itself. */
  db: Db;
  location: string;
}

/**
 * Opens (or creates) the SQLite file in the data folder, brings its schema up to date and, on the
 * first start, creates the local account manager. Every call then runs through the real AppRouter
 * as that person: the same validation, access checks and transactions as the server.
 */
export async function openLocalMode(options: {
  dataDir: string;
  ownerName: string;
  now: () => Instant;
  newId: () => string;
  onInternalError?: (error: Error, operation: BridgeOperation) => void;
}): Promise<LocalMode> {
  const handle: DatabaseHandle = openDatabase({
    kind: 'sqlite',
    file: join(options.dataDir, localDatabaseFileName),
  });
  try {
    await migrateToLatest(handle.db);
    const user = await localAccountManager(handle, options);
    const context: ApiContext = {
      db: handle.db,
      now: options.now,
      newId: options.newId,
      actorId: user.id,
    };
    return {
      kind: 'local',
      user,
      db: handle.db,
      location: handle.location,
      call: (operation): Promise<BridgeResponse> =>
        callRouterProcedure({
          router: appRouter,
          ctx: { ...context },
          operation,
          onInternalError: options.onInternalError,
        }),
      close: handle.close,
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function localAccountManager(
  handle: DatabaseHandle,
  options: { ownerName: string; now: () => Instant; newId: () => string },
): Promise<User> {
  const existing = await findUserByEmail(handle.db, localAccountManagerEmail);
  if (existing !== undefined) return existing;
  await insertUser(handle.db, {
    id: options.newId(),
    name: options.ownerName,
    email: localAccountManagerEmail,
    role: 'account_manager',
    createdAt: options.now(),
  });
  const created = await findUserByEmail(handle.db, localAccountManagerEmail);
  if (created === undefined) throw new Error('The local account manager was not kept.');
  return created;
}
