import type { AnalyticsSettings } from '@steadfast/domain';
import type BetterSqlite3 from 'better-sqlite3';
import type { HistoryScale } from '../figure.ts';
import type { Cast } from './people.ts';
import type { Random } from './random.ts';

/** Charters, their terms and versions, and the observations measured against them. */
export function writeService(_options: {
  sqlite: BetterSqlite3.Database;
  cast: Cast;
  scale: HistoryScale;
  random: Random;
  newId: (atMs: number) => string;
  settings: AnalyticsSettings;
  log(message: string): void;
}): { observations: number } {
  return { observations: 0 };
}
