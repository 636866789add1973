import {
  type Account,
  type MakePromiseInput,
  makePromise,
  makePromiseInputSchema,
  measurePromise,
  type PromiseEvent,
  type PromiseState,
  recordPromiseEvent,
  standardBusinessCalendar,
  type User,
} from '@steadfast/domain';
import type { Kysely } from 'kysely';
import { insertAccount } from '../queries/account.queries.ts';
import { insertMadePromise } from '../queries/promise.queries.ts';
import { insertUser } from '../queries/user.queries.ts';
import type { Database } from '../schema/database.ts';

let counter = 0;
/** A fresh UUID-shaped id that sorts in creation order. */
export function testId(): string {
  counter += 1;
  return `00000000-0000-7000-8000-${counter.toString().padStart(12, '0')}`;
}

export const now = '2026-11-24T10:00:00.000Z';

export async function seedOwnerAndAccount(
  db: Kysely<Database>,
): Promise<{ owner: User; account: Account }> {
  const owner: User = {
    id: testId(),
    name: 'Ada Owner',
    email: `ada${counter}@example.com`,
    role: 'account_manager',
    teamId: null,
    createdAt: now,
  };
  await insertUser(db, owner);
  const account: Account = {
    id: testId(),
    name: 'Northwind',
    ownerId: owner.id,
    stage: 'active',
    tier: 'key',
    timeZone: 'Europe/Berlin',
    customerSince: '2024-05-01',
    calendar: null,
    createdAt: now,
    version: 1,
  };
  await insertAccount(db, account);
  return { owner, account };
}

export async function seedPromise(
  db: Kysely<Database>,
  terms: Partial<MakePromiseInput> & { accountId: string; ownerId: string },
): Promise<PromiseState> {
  const command = makePromiseInputSchema.parse({
    kind: 'delivery',
    title: 'Ship the replacement pump',
    due: { kind: 'point', at: '2026-11-30T16:00:00Z' },
    madeAt: '2026-11-20T09:00:00Z',
    ...terms,
  });
  const made = makePromise(command, {
    promiseId: testId(),
    eventId: testId(),
    now,
    actorId: terms.ownerId,
  });
  await insertMadePromise(db, withMeasures(made));
  return made.state;
}

const testCalendar = standardBusinessCalendar('Europe/Berlin');

/** A decided change measured in a Mon–Fri 09–17 Berlin calendar, as the API would store it. */
export function withMeasures<T extends { event: PromiseEvent; state: PromiseState }>(change: T) {
  return { ...change, measures: measurePromise(change.state, testCalendar) };
}

/** recordPromiseEvent, measured: what changePromise's decide returns. */
export function recordMeasured(...args: Parameters<typeof recordPromiseEvent>) {
  return withMeasures(recordPromiseEvent(...args));
}
