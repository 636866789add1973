import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Instant } from '@steadfast/domain';
import { uuidv7 } from 'uuidv7';
import { type Connection, createConnection } from '../connection.ts';
import { fileSettingsStore } from '../settings.ts';
import { fileTeamSessionStore } from '../team-session-file.ts';

/** A fresh data folder, as Electron's userData would be on a first start. */
export function tempDataDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'steadfast-desktop-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The app's connection over a data folder, with a clock tests can move. */
export function connectionIn(
  dataDir: string,
  options: { clock?: { now: Instant }; fetch?: typeof fetch } = {},
): Connection {
  const clock = options.clock;
  return createConnection({
    dataDir,
    settingsStore: fileSettingsStore(dataDir),
    teamSessions: fileTeamSessionStore(dataDir),
    fetch: options.fetch ?? fetch,
    now: () => clock?.now ?? new Date().toISOString(),
    newId: uuidv7,
  });
}
