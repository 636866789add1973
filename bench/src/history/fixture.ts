/**
 * Generated history for the benchmarks: a SQLite store the real server runs on unchanged.
 *
 * Exports:
 * - `ensureHistory(scale, { log })` → the path of a complete store of that scale under
 *   bench/.data (generated once per scale and GENERATOR_VERSION, then reused). Read only: copy it
 *   before writing to it.
 * - `copyHistoryToDataDir(file)` → a fresh temporary DATA_DIR holding a copy of the store under
 *   the server's own file name: start the server with `{ DATA_DIR: dataDir, DEMO_DATA: 'false' }`.
 *   Remove it when done (`rm(dataDir, { recursive: true, force: true })`).
 * - `HISTORY_NOW` / `HISTORY_NOW_MS`: the fixed instant the history runs up to.
 * - `benchLeader`, `benchAdmin` (`{ email, password }`), `HISTORY_PASSWORD`: logins; every
 *   generated person (the account managers too, see the users table) has that password.
 * - `benchToken` (`{ id, presented }`): an integration token with every scope; send
 *   `Authorization: Bearer ${benchToken.presented}`.
 * - `GENERATOR_VERSION`, `HISTORY_SEED`, `historyFileName(scale)`, `generateHistory` (generate.ts).
 *
 * Usage in a suite:
 *   const file = await context.history(context.scale);
 *   const dataDir = await copyHistoryToDataDir(file);
 *   const server = await startServerProcess({ DATA_DIR: dataDir, DEMO_DATA: 'false' });
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryScale } from '../figure.ts';
import { generateHistory } from './generate.ts';
import { GENERATOR_VERSION, HISTORY_SEED } from './reference.ts';

export { generateHistory } from './generate.ts';
export {
  benchAdmin,
  benchLeader,
  benchToken,
  GENERATOR_VERSION,
  HISTORY_NOW,
  HISTORY_NOW_MS,
  HISTORY_PASSWORD,
  HISTORY_SEED,
} from './reference.ts';

/** Where generated stores are kept between runs (git-ignored). */
export const historyDataDir = new URL('../../.data/', import.meta.url).pathname;

/** The server's SQLite file name inside DATA_DIR (apps/server/src/open-store.ts). */
export const serverSqliteFileName = 'steadfast.sqlite';

/** The store's file name: its scale and the generator version, so a changed generator regenerates. */
export function historyFileName(scale: HistoryScale, seed = HISTORY_SEED): string {
  return `history-v${GENERATOR_VERSION}-s${seed}-a${scale.accounts}-p${scale.promises}-e${scale.events}-o${scale.observations}.sqlite`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Generations under way in this process, so that two suites asking at once share one. */
const underWay = new Map<string, Promise<string>>();

/**
 * A complete store of this scale: the cached one, or a new one. Generation writes a temporary
 * file and renames it when complete, so a killed run never leaves a half store under the name.
 */
export function ensureHistory(
  scale: HistoryScale,
  options: { log(message: string): void },
): Promise<string> {
  const name = historyFileName(scale);
  let pending = underWay.get(name);
  if (pending === undefined) {
    pending = findOrGenerate(scale, options);
    underWay.set(name, pending);
    pending.catch(() => underWay.delete(name));
  }
  return pending;
}

async function findOrGenerate(
  scale: HistoryScale,
  options: { log(message: string): void },
): Promise<string> {
  await mkdir(historyDataDir, { recursive: true });
  const file = join(historyDataDir, historyFileName(scale));
  if (await exists(file)) {
    options.log(`history: reusing ${file}`);
    return file;
  }
  const partial = `${file}.${process.pid}.partial`;
  await rm(partial, { force: true });
  options.log(
    `history: generating ${scale.accounts.toLocaleString('en-US')} accounts, ${scale.promises.toLocaleString('en-US')} promises, ~${scale.events.toLocaleString('en-US')} events, ~${scale.observations.toLocaleString('en-US')} observations`,
  );
  const started = performance.now();
  try {
    const counts = await generateHistory({ file: partial, scale, log: options.log });
    await rename(partial, file);
    const { size } = await stat(file);
    options.log(
      `history: ${file} written in ${((performance.now() - started) / 1000).toFixed(1)} s, ${(size / 2 ** 20).toFixed(1)} MiB: ${JSON.stringify(counts)}`,
    );
    return file;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * A new temporary DATA_DIR holding a copy of the store under the server's file name, for a server
 * (or anything else that writes) to run on without touching the cached store.
 */
export async function copyHistoryToDataDir(file: string): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'steadfast-bench-'));
  // A copy-on-write clone where the file system can (instant), else a plain copy.
  await copyFile(file, join(dataDir, serverSqliteFileName), constants.COPYFILE_FICLONE);
  return dataDir;
}
