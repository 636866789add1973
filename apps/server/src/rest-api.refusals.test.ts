import type { OpenAPIObject } from 'trpc-to-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type IntegrationServer,
  inTenDays,
  startIntegrationServer,
  unknownId,
} from './__tests__/integration-server.ts';
import type { OpenApiContract } from './__tests__/openapi-contract.ts';

describe('REST for integrations: refusals', () => {
  let server: IntegrationServer;
  let url: string;
  let document: OpenAPIObject;
  let contract: OpenApiContract;
  let integration: string;
  let accountsOnly: string;
  let accountId: string;
  let termId: string;
  let rest: IntegrationServer['rest'];
  let promiseBody: IntegrationServer['promiseBody'];
  let promiseCount: IntegrationServer['promiseCount'];

  beforeAll(async () => {
    server = await startIntegrationServer();
    ({
      url,
      document,
      contract,
      integration,
      accountsOnly,
      accountId,
      termId,
      rest,
      promiseBody,
      promiseCount,
    } = server);
  });
  afterAll(async () => {
    await server.close();
  });

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
      for (const method of ['get', 'post', 'delete'] as const) {
        const operation = item[method];
        if (operation === undefined) continue;
        const concrete = path.replace(/\{\w+\}/g, 'not-an-id');
        const attempts: Array<{ body?: string; type?: string }> =
          method === 'get'
            ? [{}]
            : [...badBodies.map((body) => ({ body })), { body: 'plain words', type: 'text/plain' }];
        for (const attempt of attempts) {
          // A path without parameters has nothing wrong in a GET: give it a bad query instead.
          const query =
            method === 'get' && concrete === path
              ? '?limit=many&stage=nowhere&view=sideways&tokenId=not-an-id'
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
