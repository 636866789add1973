import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { KnownAtRiskStore } from './at-risk-notifier.ts';

export const knownAtRiskFileName = 'known-at-risk.json';

/** The at-risk promises already told about, in the data folder, so a restart does not repeat them. */
export function fileKnownAtRiskStore(dataDir: string): KnownAtRiskStore {
  const file = join(dataDir, knownAtRiskFileName);
  return {
    read() {
      try {
        const ids = z.array(z.string()).safeParse(JSON.parse(readFileSync(file, 'utf8')));
        return new Set(ids.success ? ids.data : []);
      } catch {
        return new Set();
      }
    },
    write(ids) {
      mkdirSync(dataDir, { recursive: true });
      const temporary = `${file}.tmp`;
      writeFileSync(temporary, JSON.stringify([...ids]));
      renameSync(temporary, file);
    },
  };
}
