import { createSteadfastClient, steadfastErrorOf } from '@steadfast/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type IntegrationServer,
  inTenDays,
  managerId,
  startIntegrationServer,
} from './__tests__/integration-server.ts';

describe('the typed SDK (@steadfast/client) against the real server', () => {
  let server: IntegrationServer;
  let url: string;
  let integration: string;
  let accountId: string;

  beforeAll(async () => {
    server = await startIntegrationServer();
    ({ url, integration, accountId } = server);
  });
  afterAll(async () => {
    await server.close();
  });

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
