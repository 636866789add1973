import { validate } from '@scalar/openapi-parser';
import type { OpenAPIObject } from 'trpc-to-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IntegrationServer, startIntegrationServer } from './__tests__/integration-server.ts';
import type { OpenApiContract } from './__tests__/openapi-contract.ts';

describe('the OpenAPI document at /api/openapi.json', () => {
  let server: IntegrationServer;
  let url: string;
  let document: OpenAPIObject;
  let contract: OpenApiContract;
  let accountId: string;

  beforeAll(async () => {
    server = await startIntegrationServer();
    ({ url, document, contract, accountId } = server);
  });
  afterAll(async () => {
    await server.close();
  });

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
      (['get', 'post', 'delete'] as const).flatMap((method) =>
        item[method] ? [{ path, method, operation: item[method] }] : [],
      ),
    );
    expect(operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort()).toEqual(
      [
        'GET /v1/accounts',
        'GET /v1/accounts/{id}',
        'GET /v1/promises',
        'GET /v1/promises/{id}',
        'GET /v1/promises/{id}/risk',
        'GET /v1/trust/accounts/{accountId}',
        'GET /v1/trust/company',
        'GET /v1/trust/managers/{userId}',
        'GET /v1/trust/teams/{teamId}',
        'GET /v1/webhook-deliveries',
        'GET /v1/webhooks',
        'POST /v1/observations',
        'POST /v1/observations/batch',
        'POST /v1/promises',
        'POST /v1/promises/{promiseId}/events',
        'POST /v1/promises/events/batch',
        'POST /v1/webhook-deliveries/{id}/redeliver',
        'POST /v1/webhooks',
        'POST /v1/webhooks/{id}/disable',
        'DELETE /v1/webhooks/{id}',
      ].sort(),
    );
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
