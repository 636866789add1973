import type { Instant } from '@steadfast/domain';
import type { BridgeOperation } from '../shared/bridge.ts';
import type { ApiBackend } from './api-backend.ts';
import { type LocalMode, openLocalMode } from './local-mode.ts';
import type { DesktopSettings, SettingsStore } from './settings.ts';
import { openTeamMode, type TeamMode, type TeamSessionStore } from './team-mode.ts';

/** What the first-start screen and the status line need to know about the chosen mode. */
export interface ConnectionStatus {
  mode: 'unset' | 'local' | 'team';
  /** Why the saved settings could not be used, when they could not. */
  settingsProblem: string | null;
  serverUrl: string | null;
  /** Team mode: whether a session is held (else the person must log in). */
  signedIn: boolean;
  /** Local mode: where the data lives. */
  dataLocation: string | null;
  quickCaptureShortcut: string | null;
}

/**
 * The mode this app runs in, chosen on first start and restored on every later one: it holds the
 * backend the renderer's calls go to (the API in process, or the team's server).
 */
export interface Connection {
  /** Restores the saved mode, if any. */
  restore(): Promise<void>;
  status(): ConnectionStatus;
  backend(): ApiBackend | null;
  settings(): DesktopSettings | null;
  chooseLocal(ownerName: string): Promise<LocalMode>;
  /** Remembers the server and the person's address; the login itself is an `auth.login` call. */
  chooseTeam(choice: { serverUrl: string; email: string }): TeamMode;
  close(): Promise<void>;
}

export function createConnection(options: {
  dataDir: string;
  settingsStore: SettingsStore;
  teamSessions: TeamSessionStore;
  fetch: typeof fetch;
  now: () => Instant;
  newId: () => string;
  onInternalError?: (error: Error, operation: BridgeOperation) => void;
}): Connection {
  let current: ApiBackend | null = null;
  let settings: DesktopSettings | null = null;
  let settingsProblem: string | null = null;

  const replace = async (next: ApiBackend) => {
    const previous = current;
    current = next;
    await previous?.close();
  };

  const startLocal = (ownerName: string) =>
    openLocalMode({
      dataDir: options.dataDir,
      ownerName,
      now: options.now,
      newId: options.newId,
      onInternalError: options.onInternalError,
    });

  const startTeam = (serverUrl: string) =>
    openTeamMode({ serverUrl, fetch: options.fetch, sessions: options.teamSessions });

  return {
    async restore() {
      const reading = options.settingsStore.read();
      if (reading.kind === 'unreadable') settingsProblem = reading.problem;
      if (reading.kind !== 'ready') return;
      settings = reading.settings;
      await replace(
        settings.mode === 'local'
          ? await startLocal(settings.ownerName)
          : startTeam(settings.serverUrl),
      );
    },
    status() {
      const team = current?.kind === 'team' ? (current as TeamMode) : null;
      const local = current?.kind === 'local' ? (current as LocalMode) : null;
      return {
        mode: current?.kind ?? 'unset',
        settingsProblem,
        serverUrl: team?.serverUrl ?? null,
        signedIn: local !== null || (team?.hasSession() ?? false),
        dataLocation: local?.location ?? null,
        quickCaptureShortcut: settings?.quickCaptureShortcut ?? null,
      };
    },
    backend: () => current,
    settings: () => settings,
    async chooseLocal(ownerName) {
      // Validate before opening anything: a bad name changes nothing.
      const chosen = options.settingsStore.write({ ...settings, mode: 'local', ownerName });
      const local = await startLocal(chosen.mode === 'local' ? chosen.ownerName : ownerName);
      settings = chosen;
      settingsProblem = null;
      await replace(local);
      return local;
    },
    chooseTeam(choice) {
      const chosen = options.settingsStore.write({ ...settings, mode: 'team', ...choice });
      if (chosen.mode !== 'team') throw new Error('Team settings were not kept as team mode.');
      options.teamSessions.write(null);
      const team = startTeam(chosen.serverUrl);
      settings = chosen;
      settingsProblem = null;
      void replace(team);
      return team;
    },
    async close() {
      await current?.close();
      current = null;
    },
  };
}
