import { validate } from '@scalar/openapi-parser';
import { type AppRouter, hashPassword } from '@steadfast/api';
import { createSteadfastClient, steadfastErrorOf } from '@steadfast/client';
import {
  type Database,
  insertUser,
  migrateToLatest,
  openDatabase,
  setUserPasswordHash,
} from '@steadfast/db';
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { OpenAPIObject } from 'trpc-to-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCookie } from './__tests__/login.ts';
import { OpenApiContract } from './__tests__/openapi-contract.ts';
import { buildHttpServer } from './http-server.ts';

const managerId = '00000000-0000-7000-8000-000000000001';
const adminId = '00000000-0000-7000-8000-000000000002';
let nextId = 100;
const newId = () => `00000000-0000-7000-8000-${(nextId++).toString().padStart(12, '0')}`;
const unknownId = '00000000-0000-7000-8000-999999999999';

const inTenDays = () => new Date(Date.now() + 10 * 24 * 3_600_000).toISOString();

type Method = 'get' | 'post';
interface RestCall {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** The integration token to send; none: an anonymous call. */
  token?: string;
  /** Raw body text, sent as it is (for malformed JSON). */
  rawBody?: string;
}

describe('REST for integrations, described by OpenAPI', () => {
  let server: FastifyInstance;
  let db: Kysely<Database>;
  let url: string;
  let admin: TRPCClient<AppRouter>;
  let document: OpenAPIObject;
  let contract: OpenApiContract;
  /** A token with every integration scope. */
  let integration: string;
  /** A token that may only read accounts. */
  let accountsOnly: string;
  let accountId: string;
  let termId: string;
  let teamId: string;

  beforeAll(async () => {
    db = openDatabase({ kind: 'sqlite', file: ':memory:' }).db;
    await migrateToLatest(db);
    await insertUser(db, {
      id: managerId,
      name: 'Ada Manager',
      email: 'ada@example.com',
      role: 'account_manager',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await insertUser(db, {
      id: adminId,
      name: 'Sam Admin',
      email: 'sam@example.com',
      role: 'admin',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await setUserPasswordHash(db, adminId, await hashPassword('admin passphrase for tests'));
    server = buildHttpServer({
      db,
      now: () => new Date().toISOString(),
      newId,
      logLevel: 'silent',
    });
    url = await server.listen({ port: 0, host: '127.0.0.1' });

    const cookie = await loginCookie(url, 'sam@example.com', 'admin passphrase for tests');
    admin = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${url}/trpc`, headers: { cookie } })],
    });
    const team = await admin.team.create.mutate({ name: 'Enterprise desk' });
    teamId = team.id;
    await admin.team.assign.mutate({ userId: managerId, teamId });
    const account = await admin.account.create.mutate({
      name: 'Northwind',
      ownerId: managerId,
      stage: 'active',
    });
    accountId = account.id;
    const charter = await admin.charter.save.mutate({
      accountId,
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
    termId = term.id;
    integration = (
      await admin.token.create.mutate({
        name: 'Order system',
        scopes: [
          'accounts:read',
          'promises:read',
          'promises:write',
          'observations:write',
          'scores:read',
        ],
      })
    ).secret;
    accountsOnly = (
      await admin.token.create.mutate({ name: 'CRM sync', scopes: ['accounts:read'] })
    ).secret;

    const response = await fetch(`${url}/api/openapi.json`);
    document = (await response.json()) as OpenAPIObject;
    contract = new OpenApiContract(document);
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  /** One REST call: checked against the document before it is sent (unless `invalid`), and its answer after. */
  async function rest(method: Method, path: string, call: RestCall = {}, invalid = false) {
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
  }

  async function promiseCount(): Promise<number> {
    const row = await db
      .selectFrom('promises')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  const promiseBody = () => ({
    accountId,
    ownerId: managerId,
    kind: 'delivery',
    title: 'Ship the replacement router',
    due: { kind: 'point', at: inTenDays() },
    importance: 'high',
    source: { type: 'integration', system: 'order-system', reference: 'SO-1042' },
  });

  describe('the document at /api/openapi.json', () => {
    it('is a valid OpenAPI 3.1 document, with its version, this server and bearer-token security', async () => {
      const { valid, errors } = await validate(JSON.stringify(document));
      expect(errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      expect(document.openapi).toMatch(/^3\.1\./);
      expect(document.info.version).toBe('1.0.0');
      expect(document.servers).toEqual([{ url: `${url}/api` }]);
      expect(document.components?.securitySchemes).toEqual({
        integrationToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      });
    });

    it('is strict enough to catch a response that leaves out what it promises', () => {
      expect(() =>
        contract.checkResponse('get', '/v1/accounts/{id}', 200, { account: { id: accountId } }),
      ).toThrow(/must have required property 'name'/);
      expect(() =>
        contract.checkResponse('post', '/v1/promises', 400, { code: 'BAD_REQUEST' }),
      ).toThrow(/fieldErrors/);
    });

    it('describes every integration endpoint, each with a unique operationId, the token security and Error bodies for its failures', () => {
      const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
        (['get', 'post'] as const).flatMap((method) =>
          item[method] ? [{ path, method, operation: item[method] }] : [],
        ),
      );
      expect(
        operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort(),
      ).toEqual([
        'GET /v1/accounts',
        'GET /v1/accounts/{id}',
        'GET /v1/promises',
        'GET /v1/promises/{id}',
        'GET /v1/promises/{id}/risk',
        'GET /v1/trust/accounts/{accountId}',
        'GET /v1/trust/company',
        'GET /v1/trust/managers/{userId}',
        'GET /v1/trust/teams/{teamId}',
        'POST /v1/observations',
        'POST /v1/observations/batch',
        'POST /v1/promises',
        'POST /v1/promises/{promiseId}/events',
      ]);
      const operationIds = operations.map(({ operation }) => operation?.operationId);
      expect(new Set(operationIds).size).toBe(operations.length);
      for (const { operation } of operations) {
        expect(operation?.security).toEqual([{ integrationToken: [] }]);
        expect(operation?.summary).toBeTruthy();
        for (const status of ['401', '403', '500']) {
          expect(operation?.responses?.[status]?.content?.['application/json']?.schema).toEqual({
            $ref: '#/components/schemas/Error',
          });
        }
      }
    });
  });

  describe('an integration with a token', () => {
    it('reads accounts and one account with its contacts', async () => {
      const list = await rest('get', '/v1/accounts', {
        token: integration,
        query: { stage: 'active' },
      });
      expect(list.status).toBe(200);
      expect(list.body).toEqual([expect.objectContaining({ id: accountId })]);
      const one = await rest('get', '/v1/accounts/{id}', {
        token: integration,
        params: { id: accountId },
      });
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ account: { name: 'Northwind' } });
    });

    it('posts a promise, flags it at risk, finds it among the at-risk promises, records its fulfilment and reads it back with every event', async () => {
      const made = await rest('post', '/v1/promises', { token: integration, body: promiseBody() });
      expect(made.status).toBe(200);
      expect(made.body).toMatchObject({
        status: 'open',
        version: 1,
        terms: { source: { type: 'integration', reference: 'SO-1042' } },
      });
      const promiseId = (made.body as { id: string }).id;

      const flagged = await rest('post', '/v1/promises/{promiseId}/events', {
        token: integration,
        params: { promiseId },
        body: {
          expectedVersion: 1,
          event: { type: 'at_risk_flagged', reason: 'The carrier lost the pallet' },
        },
      });
      expect(flagged.status).toBe(200);
      expect(flagged.body).toMatchObject({ atRisk: true, version: 2 });

      const atRisk = await rest('get', '/v1/promises', {
        token: integration,
        query: { view: 'at_risk', limit: '50' },
      });
      expect(atRisk.status).toBe(200);
      expect(atRisk.body).toMatchObject({
        items: [expect.objectContaining({ id: promiseId, atRisk: true })],
      });

      const kept = await rest('post', '/v1/promises/{promiseId}/events', {
        token: integration,
        params: { promiseId },
        body: { expectedVersion: 2, event: { type: 'fulfilled', completeness: 'full' } },
      });
      expect(kept.status).toBe(200);
      expect(kept.body).toMatchObject({ status: 'fulfilled', version: 3 });

      const read = await rest('get', '/v1/promises/{id}', {
        token: integration,
        params: { id: promiseId },
      });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        promise: { id: promiseId, status: 'fulfilled' },
        events: [{ type: 'made' }, { type: 'at_risk_flagged' }, { type: 'fulfilled' }],
      });
    });

    it("reads an open promise's risk review, and refuses it with 422 once the promise is closed", async () => {
      const made = await rest('post', '/v1/promises', { token: integration, body: promiseBody() });
      const id = (made.body as { id: string }).id;
      const review = await rest('get', '/v1/promises/{id}/risk', {
        token: integration,
        params: { id },
      });
      expect(review.status).toBe(200);
      expect(review.body).toMatchObject({
        assessment: { promiseId: id, atRisk: expect.any(Boolean), explanation: expect.any(String) },
      });
      await rest('post', '/v1/promises/{promiseId}/events', {
        token: integration,
        params: { promiseId: id },
        body: {
          expectedVersion: 1,
          event: { type: 'cancelled', reason: 'The order was withdrawn' },
        },
      });
      const closed = await rest('get', '/v1/promises/{id}/risk', {
        token: integration,
        params: { id },
      });
      expect(closed.status).toBe(422);
    });

    it('answers a stale expectedVersion with 409 and the current version, and an event a closed promise does not allow with 422', async () => {
      const made = await rest('post', '/v1/promises', { token: integration, body: promiseBody() });
      const promiseId = (made.body as { id: string }).id;
      const event = { type: 'fulfilled', completeness: 'full' };
      await rest('post', '/v1/promises/{promiseId}/events', {
        token: integration,
        params: { promiseId },
        body: { expectedVersion: 1, event },
      });

      const stale = await rest('post', '/v1/promises/{promiseId}/events', {
        token: integration,
        params: { promiseId },
        body: { expectedVersion: 1, event: { type: 'progress', milestone: 'Packed' } },
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({
        code: 'CONFLICT',
        errorCode: 'version_conflict',
        details: { currentVersion: 2 },
      });

      const closed = await rest('post', '/v1/promises/{promiseId}/events', {
        token: integration,
        params: { promiseId },
        body: { expectedVersion: 2, event: { type: 'missed' } },
      });
      expect(closed.status).toBe(422);
      expect(closed.body).toMatchObject({
        code: 'UNPROCESSABLE_CONTENT',
        errorCode: 'promise_closed',
      });
    });

    it('posts an observation, then a batch where a repeated reference is counted as a duplicate', async () => {
      const one = await rest('post', '/v1/observations', {
        token: integration,
        body: { accountId, termId, reference: 'TICKET-1', businessMinutes: 45 },
      });
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({
        duplicate: false,
        observation: { termId, businessMinutes: 45 },
      });

      const batch = await rest('post', '/v1/observations/batch', {
        token: integration,
        body: {
          observations: [
            { accountId, termId, reference: 'TICKET-1', businessMinutes: 45 },
            { accountId, termId, reference: 'TICKET-2', businessMinutes: 300 },
          ],
        },
      });
      expect(batch.status).toBe(200);
      expect(batch.body).toMatchObject({ stored: 1, duplicates: 1 });
      expect(batch.body).toMatchObject({
        results: [
          { index: 0, duplicate: true },
          { index: 1, duplicate: false },
        ],
      });
    });

    it('reads trust scores for the company, an account, its manager and their team', async () => {
      const company = await rest('get', '/v1/trust/company', { token: integration });
      expect(company.status).toBe(200);
      expect(company.body).toMatchObject({ score: { score: expect.any(Number) } });
      const account = await rest('get', '/v1/trust/accounts/{accountId}', {
        token: integration,
        params: { accountId },
      });
      expect(account.status).toBe(200);
      expect(account.body).toMatchObject({ account: { id: accountId } });
      const manager = await rest('get', '/v1/trust/managers/{userId}', {
        token: integration,
        params: { userId: managerId },
      });
      expect(manager.status).toBe(200);
      expect(manager.body).toMatchObject({ user: { id: managerId } });
      const team = await rest('get', '/v1/trust/teams/{teamId}', {
        token: integration,
        params: { teamId },
      });
      expect(team.status).toBe(200);
      expect(team.body).toMatchObject({ team: { name: 'Enterprise desk' } });
    });
  });

  describe('refusals', () => {
    it('refuses bad input with a 400 naming the field and the rule, and stores nothing; the document refuses it too', async () => {
      const before = await promiseCount();
      const body = {
        ...promiseBody(),
        title: '   ',
        due: { kind: 'window', earliest: inTenDays(), latest: '2020-01-01T00:00:00Z' },
      };
      const refused = await rest('post', '/v1/promises', { token: integration, body }, true);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        code: 'BAD_REQUEST',
        errorCode: 'invalid_input',
        fieldErrors: {
          title: ['must not be empty'],
          'due.latest': ['must not be before earliest'],
        },
      });
      expect(refused.body).toMatchObject({
        message: expect.stringContaining('title: must not be empty'),
      });
      expect(await promiseCount()).toBe(before);

      const wrongType = { ...promiseBody(), kind: 'teleport' };
      expect(() => contract.checkRequest('post', '/v1/promises', { body: wrongType })).toThrow(
        /kind|enum/,
      );
      const enumRefused = await rest(
        'post',
        '/v1/promises',
        { token: integration, body: wrongType },
        true,
      );
      expect(enumRefused.status).toBe(400);
      expect(enumRefused.body).toMatchObject({ fieldErrors: { kind: [expect.any(String)] } });
    });

    it('refuses a path parameter that is not an id, a batch row naming no known term, and a body that is not JSON, each with a 400', async () => {
      const notAnId = await rest(
        'get',
        '/v1/promises/{id}',
        { token: integration, params: { id: 'SO-1042' } },
        true,
      );
      expect(notAnId.status).toBe(400);
      expect(notAnId.body).toMatchObject({ fieldErrors: { id: ['must be a UUID'] } });

      const batch = await rest(
        'post',
        '/v1/observations/batch',
        {
          token: integration,
          body: {
            observations: [
              { accountId, termId, reference: 'TICKET-9', businessMinutes: 10 },
              { accountId, termId: unknownId, reference: 'TICKET-10', businessMinutes: 10 },
            ],
          },
        },
        true,
      );
      expect(batch.status).toBe(400);
      expect(batch.body).toMatchObject({
        fieldErrors: { 'observations.1.termId': [expect.any(String)] },
      });

      const malformed = await rest(
        'post',
        '/v1/promises',
        { token: integration, rawBody: '{"title": ' },
        true,
      );
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    });

    it('reads JSON bodies as they are: a null or quoted number is refused, over REST and over tRPC after it', async () => {
      const nullMinutes = { accountId, termId, reference: 'TICKET-77', businessMinutes: null };
      const refused = await rest(
        'post',
        '/v1/observations',
        { token: integration, body: nullMinutes },
        true,
      );
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        fieldErrors: { businessMinutes: [expect.any(String)] },
      });

      const made = await rest('post', '/v1/promises', { token: integration, body: promiseBody() });
      const promiseId = (made.body as { id: string }).id;
      const quoted = { expectedVersion: '1', event: { type: 'progress', milestone: 'Packed' } };
      const quotedVersion = await rest(
        'post',
        '/v1/promises/{promiseId}/events',
        { token: integration, params: { promiseId }, body: quoted },
        true,
      );
      expect(quotedVersion.status).toBe(400);
      expect(quotedVersion.body).toMatchObject({
        fieldErrors: { expectedVersion: [expect.any(String)] },
      });

      const overTrpc = await fetch(`${url}/trpc/charter.observe`, {
        method: 'POST',
        headers: { authorization: `Bearer ${integration}`, 'content-type': 'application/json' },
        body: JSON.stringify(nullMinutes),
      });
      expect(overTrpc.status).toBe(400);
    });

    it('answers bad input to every documented endpoint with a documented 4xx and the Error body, never a 500', async () => {
      const badBodies = [
        '{}',
        '[]',
        'null',
        '"text"',
        '{"accountId": 5, "observations": "all"}',
        '{"title": ',
      ];
      const seen: string[] = [];
      for (const [path, item] of Object.entries(document.paths ?? {})) {
        for (const method of ['get', 'post'] as const) {
          const operation = item[method];
          if (operation === undefined) continue;
          const concrete = path.replace(/\{\w+\}/g, 'not-an-id');
          const attempts: Array<{ body?: string; type?: string }> =
            method === 'get'
              ? [{}]
              : [
                  ...badBodies.map((body) => ({ body })),
                  { body: 'plain words', type: 'text/plain' },
                ];
          for (const attempt of attempts) {
            // A path without parameters has nothing wrong in a GET: give it a bad query instead.
            const query =
              method === 'get' && concrete === path
                ? '?limit=many&stage=nowhere&view=sideways'
                : '';
            const response = await fetch(`${url}/api${concrete}${query}`, {
              method: method.toUpperCase(),
              headers: {
                authorization: `Bearer ${integration}`,
                ...(attempt.body === undefined
                  ? {}
                  : { 'content-type': attempt.type ?? 'application/json' }),
              },
              ...(attempt.body === undefined ? {} : { body: attempt.body }),
            });
            const body: unknown = await response.json();
            seen.push(`${method} ${path} ${response.status}`);
            if (path === '/v1/trust/company') {
              expect(response.status).toBe(200);
              continue;
            }
            expect(
              response.status,
              `${method} ${concrete}${query} ${attempt.body ?? ''}`,
            ).toBeGreaterThanOrEqual(400);
            expect(response.status).toBeLessThan(500);
            contract.checkResponse(method, path, response.status, body);
          }
        }
      }
      expect(seen.length).toBeGreaterThan(30);
    });

    it('answers 401 without a token or with an unknown one, 403 when the token lacks the scope, 404 for an unknown promise', async () => {
      const anonymous = await rest('get', '/v1/accounts', {});
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
      const forged = await rest('get', '/v1/accounts', { token: 'sf_not_a_real_token' });
      expect(forged.status).toBe(401);

      const readsAccounts = await rest('get', '/v1/accounts', { token: accountsOnly });
      expect(readsAccounts.status).toBe(200);
      const before = await promiseCount();
      const forbidden = await rest('post', '/v1/promises', {
        token: accountsOnly,
        body: promiseBody(),
      });
      expect(forbidden.status).toBe(403);
      expect(forbidden.body).toMatchObject({ code: 'FORBIDDEN', errorCode: 'forbidden' });
      expect(await promiseCount()).toBe(before);
      const noScores = await rest('get', '/v1/trust/company', { token: accountsOnly });
      expect(noScores.status).toBe(403);

      const missing = await rest('get', '/v1/promises/{id}', {
        token: integration,
        params: { id: unknownId },
      });
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringContaining(unknownId),
      });
    });
  });

  describe('the typed SDK against the real server', () => {
    it('creates a promise, records its fulfilment and reads the account trust, all typed', async () => {
      const steadfast = createSteadfastClient({ url, token: integration });
      const promise = await steadfast.promise.create.mutate({
        accountId,
        ownerId: managerId,
        kind: 'fix',
        title: 'Patch the login outage',
        due: { kind: 'point', at: inTenDays() },
      });
      const kept = await steadfast.promise.recordEvent.mutate({
        promiseId: promise.id,
        expectedVersion: promise.version,
        event: { type: 'fulfilled', completeness: 'full' },
      });
      expect(kept.status).toBe('fulfilled');
      const trust = await steadfast.trust.account.query({ accountId });
      expect(trust.account.id).toBe(accountId);
      expect(trust.outcomes?.on_time ?? 0).toBeGreaterThan(0);
      expect(trust.score.score).toBeGreaterThan(0);
    });

    it('gives a typed Steadfast error carrying the field errors of bad input', async () => {
      const steadfast = createSteadfastClient({ url: `${url}/`, token: integration });
      const failure = await steadfast.promise.create
        .mutate({
          accountId,
          ownerId: managerId,
          kind: 'delivery',
          title: '',
          due: { kind: 'point', at: inTenDays() },
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(steadfastErrorOf(failure)).toMatchObject({
        code: 'BAD_REQUEST',
        httpStatus: 400,
        errorCode: 'invalid_input',
        fieldErrors: { title: ['must not be empty'] },
      });
      expect(steadfastErrorOf(new Error('network down'))).toBeUndefined();
    });
  });
});
