import { type Database, insertUser, migrateToLatest, openDatabase } from '@steadfast/db';
import type { Instant } from '@steadfast/domain';
import type { Kysely } from 'kysely';
import type { ApiContext } from '../context.ts';
import { createCaller } from '../root.ts';

/** A sortable UUID-shaped id source for tests: 00000000-0000-7000-8000-000000000001, … */
export function sequentialIds(): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `00000000-0000-7000-8000-${next.toString().padStart(12, '0')}`;
  };
}

export interface TestApi {
  db: Kysely<Database>;
  caller: ReturnType<typeof createCaller>;
  clock: { now: Instant };
  ownerId: string;
  /** The same store called by an admin (users, teams, tokens, settings, the audit trail). */
  adminCaller: ReturnType<typeof createCaller>;
  adminId: string;
  newId: () => string;
  close(): Promise<void>;
}

/** A caller over a fresh in-memory database with one account manager, at a clock tests can move. */
export async function createTestApi(now: Instant = '2026-11-24T10:00:00.000Z'): Promise<TestApi> {
  const handle = openDatabase({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(handle.db);
  const newId = sequentialIds();
  const clock = { now };
  const ownerId = newId();
  await insertUser(handle.db, {
    id: ownerId,
    name: 'Ada Owner',
    email: 'ada@example.com',
    role: 'account_manager',
    createdAt: now,
  });
  const adminId = newId();
  await insertUser(handle.db, {
    id: adminId,
    name: 'Sam Admin',
    email: 'sam@example.com',
    role: 'admin',
    createdAt: now,
  });
  const context: ApiContext = { db: handle.db, now: () => clock.now, newId, actorId: ownerId };
  return {
    db: handle.db,
    caller: createCaller(context),
    adminCaller: createCaller({ ...context, actorId: adminId }),
    adminId,
    clock,
    ownerId,
    newId,
    close: handle.close,
  };
}
