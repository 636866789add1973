import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TeamSessionStore } from './team-mode.ts';

export const teamSessionFileName = 'team-session';

/** The team session token in a file of the data folder that only this user may read. */
export function fileTeamSessionStore(dataDir: string): TeamSessionStore {
  const file = join(dataDir, teamSessionFileName);
  return {
    read() {
      try {
        const token = readFileSync(file, 'utf8').trim();
        return token === '' ? null : token;
      } catch {
        return null;
      }
    },
    write(token) {
      if (token === null) {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, token, { mode: 0o600 });
    },
  };
}
