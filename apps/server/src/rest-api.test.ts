import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type IntegrationServer,
  managerId,
  startIntegrationServer,
} from './__tests__/integration-server.ts';

describe('REST for integrations: an integration with a token', () => {
  let server: IntegrationServer;
  let integration: string;
  let accountId: string;
  let termId: string;
  let teamId: string;
  let rest: IntegrationServer['rest'];
  let promiseBody: IntegrationServer['promiseBody'];

  beforeAll(async () => {
    server = await startIntegrationServer();
    ({ integration, accountId, termId, teamId, rest, promiseBody } = server);
  });
  afterAll(async () => {
    await server.close();
  });

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
