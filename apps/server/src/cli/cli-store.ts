import type { DatabaseHandle } from '@steadfast/db';
import { uuidv7 } from 'uuidv7';
import type { ServerEnv } from '../env.ts';
import { openStore } from '../open-store.ts';

/** The configured store for a command: migrated to this version, never filled with demo data. */
export async function openCommandStore(
  env: Pick<ServerEnv, 'dataDir' | 'databaseUrl'>,
): Promise<DatabaseHandle> {
  const now = () => new Date().toISOString();
  const { handle } = await openStore({ ...env, demoData: false }, { now, newId: uuidv7 });
  return handle;
}

/** Thrown for what the person running a command must fix: printed without a stack, exit code 2. */
export class CommandRefused extends Error {
  override readonly name = 'CommandRefused';
}
