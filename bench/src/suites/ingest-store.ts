import { join } from 'node:path';
import { createCaller } from '@steadfast/api';
import { insertUser, migrateToLatest, openDatabase } from '@steadfast/db';

/** The SQLite file the server keeps in its DATA_DIR (apps/server/src/open-store.ts). */
export const storeFileName = 'steadfast.sqlite';

/** What the ingest posts against: open promises, charter terms, and a token that may post both. */
export interface IngestStore {
  file: string;
  /** A token with promises:write and observations:write. */
  token: string;
  /** Open promises, in the order they were made. */
  promiseIds: string[];
  /** Each account's charter terms: a business-hours term and a business-days one. */
  terms: { accountId: string; responseTermId: string; resolutionTermId: string }[];
}

/** Sequential UUIDv7-shaped ids: the same store every run. */
function sequentialIds(prefix: string): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `${prefix}-0000-7000-8000-${next.toString(16).padStart(12, '0')}`;
  };
}

/**
 * A fresh store in `dataDir` made the way an admin would make it over the API (accounts with a
 * charter each, one manager's open promises, an integration token), written in-process before
 * the server starts on it.
 */
export async function makeIngestStore(options: {
  dataDir: string;
  accounts: number;
  promises: number;
  now: Date;
  log: (message: string) => void;
}): Promise<IngestStore> {
  const file = join(options.dataDir, storeFileName);
  const handle = openDatabase({ kind: 'sqlite', file });
  try {
    await migrateToLatest(handle.db);
    const newId = sequentialIds('0b0e0000');
    // Made a day ago, so that everything the ingest records happens after the promises were made.
    const madeAt = new Date(options.now.getTime() - 86_400_000).toISOString();
    const adminId = newId();
    const managerId = newId();
    for (const [id, name, role] of [
      [adminId, 'Bench Admin', 'admin'],
      [managerId, 'Bench Manager', 'account_manager'],
    ] as const) {
      await insertUser(handle.db, {
        id,
        name,
        email: `${role}@bench.example.com`,
        role,
        createdAt: madeAt,
      });
    }
    // One transaction for the whole setup: thousands of promises without a sync to disk each.
    return await handle.db.transaction().execute(async (trx) => {
      const admin = createCaller({ db: trx, now: () => madeAt, newId, actorId: adminId });
      const { secret: token } = await admin.token.create({
        name: 'Order system',
        scopes: ['promises:write', 'observations:write'],
      });

      const terms: IngestStore['terms'] = [];
      for (let index = 0; index < options.accounts; index += 1) {
        const account = await admin.account.create({
          name: `Bench account ${index + 1}`,
          ownerId: managerId,
          stage: 'active',
          timeZone: index % 2 === 0 ? 'Europe/Berlin' : 'America/New_York',
        });
        const charter = await admin.charter.save({
          accountId: account.id,
          expectedVersion: 0,
          terms: [
            {
              metric: 'first_response_time',
              description: 'We reply to every ticket within 4 business hours',
              target: { amount: 4, unit: 'business_hours' },
              threshold: 0.95,
            },
            {
              metric: 'resolution_time',
              target: { amount: 3, unit: 'business_days' },
              threshold: 0.9,
            },
          ],
        });
        const [response, resolution] = charter.current.terms;
        if (response === undefined || resolution === undefined)
          throw new Error('a bench charter was saved without its two terms');
        terms.push({
          accountId: account.id,
          responseTermId: response.id,
          resolutionTermId: resolution.id,
        });
      }

      const promiseIds: string[] = [];
      for (let index = 0; index < options.promises; index += 1) {
        const account = terms[index % terms.length];
        if (account === undefined) throw new Error('no accounts to make promises for');
        const dueDays = 3 + (index % 12);
        const made = await admin.promise.create({
          accountId: account.accountId,
          ownerId: managerId,
          kind: index % 5 === 0 ? 'fix' : 'delivery',
          title: `Order SO-${100_000 + index}`,
          due: {
            kind: 'point',
            at: new Date(Date.parse(madeAt) + dueDays * 86_400_000).toISOString(),
          },
          importance: index % 7 === 0 ? 'high' : 'normal',
          source: {
            type: 'integration',
            system: 'order-system',
            reference: `SO-${100_000 + index}`,
          },
        });
        promiseIds.push(made.id);
        if ((index + 1) % 5000 === 0) options.log(`  made ${index + 1} promises`);
      }
      return { file, token, promiseIds, terms };
    });
  } finally {
    await handle.close();
  }
}
