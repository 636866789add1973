import { type AppRouter, hashPassword } from '@steadfast/api';
import {
  type Database,
  insertUser,
  migrateToLatest,
  openDatabase,
  setUserPasswordHash,
} from '@steadfast/db';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { Kysely } from 'kysely';
import type { OpenAPIObject } from 'trpc-to-openapi';
import { buildHttpServer } from '../http-server.ts';
import { loginCookie } from './login.ts';
import { OpenApiContract } from './openapi-contract.ts';

export const managerId = '00000000-0000-7000-8000-000000000001';
const adminId = '00000000-0000-7000-8000-000000000002';
/** An id nothing in the store has. */
export const unknownId = '00000000-0000-7000-8000-999999999999';

export const inTenDays = () => new Date(Date.now() + 10 * 24 * 3_600_000).toISOString();

type Method = 'get' | 'post' | 'delete';
export interface RestCall {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** The integration token to send; none: an anonymous call. */
  token?: string;
  /** Raw body text, sent as it is (for malformed JSON). */
  rawBody?: string;
}

export interface IntegrationServer {
  url: string;
  db: Kysely<Database>;
  /** The OpenAPI document the server serves at /api/openapi.json, and checks against it. */
  document: OpenAPIObject;
  contract: OpenApiContract;
  /** A token with every integration scope. */
  integration: string;
  /** A token that may only read accounts. */
  accountsOnly: string;
  accountId: string;
  /** A term of the account's charter, to post observations of. */
  termId: string;
  /** The team the account's manager belongs to. */
  teamId: string;
  /**
   * One REST call under /api: the request checked against the document before it is sent
   * (unless `invalid`: a test sending bad input on purpose), the answer after, whatever its status.
   */
  rest(
    method: Method,
    path: string,
    call?: RestCall,
    invalid?: boolean,
  ): Promise<{ status: number; body: unknown }>;
  /** A good body for POST /v1/promises: a delivery due in ten days, from an order system. */
  promiseBody(): Record<string, unknown>;
  promiseCount(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A real server on a fresh in-memory store, with what an integration needs set up the way an
 * admin would over tRPC: a manager in a team, an account with a charter, and two tokens.
 */
export async function startIntegrationServer(): Promise<IntegrationServer> {
  let nextId = 100;
  const newId = () => `00000000-0000-7000-8000-${(nextId++).toString().padStart(12, '0')}`;
  const db = openDatabase({ kind: 'sqlite', file: ':memory:' }).db;
  await migrateToLatest(db);
  for (const [id, name, email, role] of [
    [managerId, 'Ada Manager', 'ada@example.com', 'account_manager'],
    [adminId, 'Sam Admin', 'sam@example.com', 'admin'],
  ] as const) {
    await insertUser(db, { id, name, email, role, createdAt: '2026-01-01T00:00:00.000Z' });
  }
  await setUserPasswordHash(db, adminId, await hashPassword('admin passphrase for tests'));
  const server = buildHttpServer({
    db,
    now: () => new Date().toISOString(),
    newId,
    logLevel: 'silent',
  });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });

  const cookie = await loginCookie(url, 'sam@example.com', 'admin passphrase for tests');
  const admin = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${url}/trpc`, headers: { cookie } })],
  });
  const team = await admin.team.create.mutate({ name: 'Enterprise desk' });
  await admin.team.assign.mutate({ userId: managerId, teamId: team.id });
  const account = await admin.account.create.mutate({
    name: 'Northwind',
    ownerId: managerId,
    stage: 'active',
  });
  const charter = await admin.charter.save.mutate({
    accountId: account.id,
    expectedVersion: 0,
    terms: [
      {
        metric: 'first_response_time',
        description: 'We reply to every ticket within 4 business hours',
        target: { amount: 4, unit: 'business_hours' },
        threshold: 0.95,
        clientExpectation: { statement: 'Within the hour, ideally' },
        negotiation: {
          clientAsked: '1 business hour',
          agreed: '4 business hours',
          reason: 'Two people staff the desk',
        },
      },
    ],
  });
  const [term] = charter.current.terms;
  if (term === undefined) throw new Error('the charter was saved without its term');
  const { secret: integration } = await admin.token.create.mutate({
    name: 'Order system',
    scopes: [
      'accounts:read',
      'promises:read',
      'promises:write',
      'observations:write',
      'scores:read',
      'webhooks:manage',
    ],
  });
  const { secret: accountsOnly } = await admin.token.create.mutate({
    name: 'CRM sync',
    scopes: ['accounts:read'],
  });

  const document = (await (await fetch(`${url}/api/openapi.json`)).json()) as OpenAPIObject;
  const contract = new OpenApiContract(document);

  const rest: IntegrationServer['rest'] = async (method, path, call = {}, invalid = false) => {
    if (!invalid) contract.checkRequest(method, path, call);
    const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) => call.params?.[name] ?? '');
    const query = new URLSearchParams(call.query ?? {}).toString();
    const headers: Record<string, string> = {};
    if (call.token !== undefined) headers.authorization = `Bearer ${call.token}`;
    let body: string | undefined;
    if (call.rawBody !== undefined || call.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = call.rawBody ?? JSON.stringify(call.body);
    }
    const response = await fetch(`${url}/api${concrete}${query === '' ? '' : `?${query}`}`, {
      method: method.toUpperCase(),
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const json: unknown = await response.json();
    contract.checkResponse(method, path, response.status, json);
    return { status: response.status, body: json };
  };

  return {
    url,
    db,
    document,
    contract,
    integration,
    accountsOnly,
    accountId: account.id,
    termId: term.id,
    teamId: team.id,
    rest,
    promiseBody: () => ({
      accountId: account.id,
      ownerId: managerId,
      kind: 'delivery',
      title: 'Ship the replacement router',
      due: { kind: 'point', at: inTenDays() },
      importance: 'high',
      source: { type: 'integration', system: 'order-system', reference: 'SO-1042' },
    }),
    promiseCount: async () => {
      const row = await db
        .selectFrom('promises')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    close: async () => {
      await server.close();
      await db.destroy();
    },
  };
}
