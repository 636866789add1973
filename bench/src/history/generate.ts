import { createHash } from 'node:crypto';
import { analyticsSettingsKey } from '@steadfast/api';
import {
  type Database,
  insertAccount,
  insertApiToken,
  insertContact,
  insertTeam,
  insertUser,
  migrateToLatest,
  rebuildDashboardRollups,
  setUserPasswordHash,
  writeSetting,
} from '@steadfast/db';
import { tokenScopes } from '@steadfast/domain';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { HistoryScale } from '../figure.ts';
import { dropIndexes } from './bulk.ts';
import { createIdFactory } from './ids.ts';
import { type Cast, planCast } from './people.ts';
import { phaseProgress } from './progress.ts';
import { defaultWorkerCount } from './promise-pool.ts';
import { writePromises } from './promise-writer.ts';
import { createRandom } from './random.ts';
import {
  benchTokenId,
  benchTokenSecret,
  HISTORY_NOW,
  HISTORY_PASSWORD_HASH,
  HISTORY_SEED,
} from './reference.ts';
import { writeService } from './service-writer.ts';
import { historyCompanyCalendar, historySettings } from './settings.ts';

export interface GeneratedCounts {
  users: number;
  accounts: number;
  contacts: number;
  promises: number;
  events: number;
  observations: number;
  [table: string]: number;
}

export { historyCompanyCalendar, historySettings } from './settings.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Writes a store holding a realistic history of the given scale into `file` (which must not
 * exist): the schema by the db package's own migrations, people and accounts through the db
 * package's queries, and the bulk (promises, events, trust, charters, observations) through
 * prepared statements with rows made by the app's own domain functions and row mappers.
 */
export async function generateHistory(options: {
  file: string;
  scale: HistoryScale;
  seed?: number;
  /** Threads that run promises through the domain; 0 runs them inline (same rows either way). */
  workers?: number;
  log(message: string): void;
}): Promise<GeneratedCounts> {
  const seed = options.seed ?? HISTORY_SEED;
  const sqlite = new BetterSqlite3(options.file);
  // A throw-away file until it is complete: no journal, no fsync.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db);
    // Kysely stamps each migration with the wall clock: pin it so the store is reproducible.
    sqlite.prepare('update kysely_migration set timestamp = ?').run(HISTORY_NOW);

    const random = createRandom(seed);
    const newId = createIdFactory(random.fork(1));
    const cast = planCast({ scale: options.scale, random: random.fork(2), newId });
    const contacts = await writeCast(db, cast, options.log);

    const restoreIndexes = dropIndexes(sqlite, [
      'promises',
      'promise_events',
      'trust_contributions',
      'promise_resolutions',
      'charter_observations',
      'forecasts',
    ]);
    const promiseCounts = await writePromises({
      sqlite,
      cast,
      scale: options.scale,
      random: random.fork(3),
      newId,
      workers: options.workers ?? defaultWorkerCount(),
      log: options.log,
    });
    const serviceCounts = await writeService({
      db,
      sqlite,
      cast,
      scale: options.scale,
      random: random.fork(4),
      newId,
      settings: historySettings,
      log: options.log,
    });

    const started = performance.now();
    options.log('indexes: building');
    restoreIndexes();
    // The dashboards' rollups the app keeps on write (kinds slipping per day, trust contributions
    // per scope and day, each account's last touch, effort per owner and day), recounted from the
    // base rows the bulk load wrote around the write path: after the indexes, which their
    // per-account reads need (without them, a scan of every promise per account).
    options.log('rollups: recounting');
    await rebuildDashboardRollups(db);
    sqlite.exec('analyze');
    options.log(
      `indexes: built and analysed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    // The finished store is a plain rollback-journal file (one file to copy); the server turns
    // on WAL and its own durability settings when it opens it.
    sqlite.pragma('journal_mode = DELETE');
    return {
      users: cast.people.length,
      accounts: cast.accounts.length,
      contacts,
      ...promiseCounts,
      ...serviceCounts,
    };
  } finally {
    await db.destroy();
  }
}

/** Settings, teams, people (who all log in with the bench password), the token, accounts. */
async function writeCast(
  store: Kysely<Database>,
  cast: Cast,
  log: (message: string) => void,
): Promise<number> {
  // One transaction, through Kysely: the db package's writes (an account with its rollup row)
  // take their own transaction unless they are already inside one.
  return store.transaction().execute((db) => writeCastIn(db, cast, log));
}

async function writeCastIn(
  db: Kysely<Database>,
  cast: Cast,
  log: (message: string) => void,
): Promise<number> {
  const firstMs = Math.min(...cast.teams.map((team) => team.createdAtMs));
  await writeSetting(db, {
    key: analyticsSettingsKey,
    value: { companyCalendar: historyCompanyCalendar },
    expectedVersion: 0,
    now: iso(firstMs),
  });
  for (const team of cast.teams) {
    await insertTeam(db, { id: team.id, name: team.name, createdAt: iso(team.createdAtMs) });
  }
  for (const person of cast.people) {
    const teamId = person.teamIndex === null ? null : (cast.teams[person.teamIndex]?.id ?? null);
    await insertUser(db, {
      id: person.id,
      name: person.name,
      email: person.email,
      role: person.role,
      teamId,
      createdAt: iso(person.createdAtMs),
    });
    await setUserPasswordHash(db, person.id, HISTORY_PASSWORD_HASH);
  }
  const admin = cast.people.find((person) => person.role === 'admin');
  await insertApiToken(db, {
    id: benchTokenId,
    name: 'Bench integration',
    scopes: [...tokenScopes].sort(),
    createdBy: admin?.id ?? null,
    createdAt: iso(firstMs),
    lastUsedAt: null,
    revokedAt: null,
    // As api-token-secrets.ts stores it: the SHA-256 (hex) of the secret.
    secretHash: createHash('sha256').update(benchTokenSecret).digest('hex'),
  });
  const progress = phaseProgress({
    name: 'accounts',
    total: cast.accounts.length,
    unit: 'accounts',
    log,
  });
  let contacts = 0;
  for (const [index, account] of cast.accounts.entries()) {
    const ownerId = cast.people[account.ownerIndex]?.id;
    if (ownerId === undefined) throw new Error(`account ${account.name} has no owner`);
    await insertAccount(db, {
      id: account.id,
      name: account.name,
      ownerId,
      stage: account.stage,
      tier: account.tier,
      timeZone: account.timeZone,
      customerSince: account.customerSince,
      calendar: account.calendar,
      createdAt: iso(account.createdAtMs),
      version: 1,
    });
    for (const contact of account.contacts) {
      await insertContact(db, {
        ...contact,
        accountId: account.id,
        createdAt: iso(account.createdAtMs),
      });
      contacts++;
    }
    if (index % 500 === 0) progress.tick(index + 1);
  }
  progress.tick(cast.accounts.length);
  progress.stop();
  return contacts;
}
