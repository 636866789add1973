import { type AppRouter, hashPassword } from '@steadfast/api';
import { type Database, insertUser, setUserPasswordHash } from '@steadfast/db';
import { storeSnapshot } from '@steadfast/db/testing';
import { tokenScopes } from '@steadfast/domain';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { loginCookie } from '../../__tests__/login.ts';
import { buildHttpServer } from '../../http-server.ts';

/** Who calls: nobody, a person by session cookie, or an integration by bearer token. */
export interface Caller {
  name: 'anonymous' | 'account manager' | 'leader' | 'admin' | 'integration token';
  headers: Record<string, string>;
}

/** The real ids of the store, by what they name, to put into generated inputs. */
export interface RealIds {
  account: string[];
  promise: string[];
  request: string[];
  touchpoint: string[];
  term: string[];
  team: string[];
  user: string[];
  token: string[];
  webhook: string[];
}

export interface FuzzServer {
  url: string;
  callers: Caller[];
  ids: RealIds;
  /** The store's rows, compared before and after: see `comparableSnapshot`. */
  snapshot(): Promise<Record<string, string[]>>;
  close(): Promise<void>;
}

const password = 'fuzzing passphrase for tests';
const inTenDays = () => new Date(Date.now() + 10 * 86_400_000).toISOString();

/**
 * A real server listening on loopback over the given store, with the people, data and token a fuzz
 * run calls as and about: an account manager owning one account (another manager owns a second),
 * a leader, an admin, an integration token with every scope; a promise, a request, a touchpoint, a
 * charter, a webhook subscription and a calendar feed.
 */
export async function startFuzzServer(db: Kysely<Database>): Promise<FuzzServer> {
  const createdAt = '2026-01-01T00:00:00.000Z';
  const people = {
    manager: { id: uuidv7(), email: 'ada@example.com', role: 'account_manager' },
    otherManager: { id: uuidv7(), email: 'bo@example.com', role: 'account_manager' },
    leader: { id: uuidv7(), email: 'lee@example.com', role: 'leader' },
    admin: { id: uuidv7(), email: 'sam@example.com', role: 'admin' },
  } as const;
  const hash = await hashPassword(password);
  for (const [key, person] of Object.entries(people)) {
    await insertUser(db, { ...person, name: key, createdAt });
    await setUserPasswordHash(db, person.id, hash);
  }
  const server = buildHttpServer({
    db,
    now: () => new Date().toISOString(),
    newId: uuidv7,
    logLevel: 'silent',
  });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  const client = (headers: Record<string, string>) =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${url}/trpc`, headers })] });
  const cookieOf = async (email: string) => ({ cookie: await loginCookie(url, email, password) });

  const managerHeaders = await cookieOf(people.manager.email);
  const leaderHeaders = await cookieOf(people.leader.email);
  const adminHeaders = await cookieOf(people.admin.email);
  const admin = client(adminHeaders);
  const manager = client(managerHeaders);

  const team = await admin.team.create.mutate({ name: 'Enterprise desk' });
  await admin.team.assign.mutate({ userId: people.manager.id, teamId: team.id });
  const own = await admin.account.create.mutate({
    name: 'Northwind',
    ownerId: people.manager.id,
    stage: 'active',
  });
  const others = await admin.account.create.mutate({
    name: 'Contoso',
    ownerId: people.otherManager.id,
    stage: 'onboarding',
  });
  const charter = await admin.charter.save.mutate({
    accountId: own.id,
    expectedVersion: 0,
    terms: [
      {
        metric: 'first_response_time',
        description: 'We reply to every ticket within 4 business hours',
        target: { amount: 4, unit: 'business_hours' },
        threshold: 0.95,
        clientExpectation: { statement: 'Within the hour, ideally' },
      },
    ],
  });
  const { token, secret } = await admin.token.create.mutate({
    name: 'Order system',
    scopes: [...tokenScopes],
  });
  const tokenHeaders = { authorization: `Bearer ${secret}` };
  const promise = await manager.promise.create.mutate({
    accountId: own.id,
    ownerId: people.manager.id,
    kind: 'delivery',
    title: 'Ship the replacement router',
    due: { kind: 'point', at: inTenDays() },
    importance: 'high',
  });
  const request = await manager.request.create.mutate({
    accountId: own.id,
    ownerId: people.manager.id,
    kind: 'delivery',
    title: '40 pallets of grout by Friday',
    wantedBy: { kind: 'point', at: inTenDays() },
  });
  const touchpoint = await manager.touchpoint.log.mutate({ accountId: own.id, kind: 'referral' });
  const webhook = await client(tokenHeaders).webhook.create.mutate({
    url: 'https://crm.example.com/hooks/steadfast',
    eventTypes: ['promise.missed', 'promise.at_risk'],
  });
  await manager.calendarFeed.create.mutate();

  return {
    url,
    callers: [
      { name: 'anonymous', headers: {} },
      { name: 'account manager', headers: managerHeaders },
      { name: 'leader', headers: leaderHeaders },
      { name: 'admin', headers: adminHeaders },
      { name: 'integration token', headers: tokenHeaders },
    ],
    ids: {
      account: [own.id, others.id],
      promise: [promise.id],
      request: [request.id],
      touchpoint: [touchpoint.id],
      term: charter.current.terms.map((term) => term.id),
      team: [team.id],
      user: Object.values(people).map((person) => person.id),
      token: [token.id],
      webhook: [webhook.subscription.id],
    },
    snapshot: async () => comparableSnapshot(await storeSnapshot(db)),
    close: () => server.close(),
  };
}

/**
 * The store as `storeSnapshot` reads it, but for one column that changes on reads by design: a
 * token's `last_used_at`, noted (at most once a minute) whenever the token is presented. Sessions
 * have no last-seen column, and nothing else is written by a read.
 */
export function comparableSnapshot(snapshot: Record<string, string[]>): Record<string, string[]> {
  const tokens = snapshot.api_tokens;
  if (tokens === undefined) return snapshot;
  const withoutLastUse = tokens.map((row) => {
    const { last_used_at: _lastUse, ...rest } = JSON.parse(row) as Record<string, unknown>;
    return JSON.stringify(rest);
  });
  return { ...snapshot, api_tokens: withoutLastUse.sort() };
}
