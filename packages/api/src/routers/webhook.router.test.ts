import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../__tests__/rejections.ts';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';
import { aTokenCaller } from '../__tests__/webhook-builders.ts';

describe('webhook subscriptions through the API', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi('2026-11-24T10:00:00.000Z');
  });
  afterEach(async () => {
    await api.close();
  });

  it('a token subscribes an endpoint and is shown its whsec_ signing secret once', async () => {
    const crm = await aTokenCaller(api);
    const created = await crm.caller.webhook.create({
      url: 'https://crm.example.com/hooks/steadfast',
      eventTypes: ['promise.missed', 'promise.at_risk'],
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.subscription).toMatchObject({
      tokenId: crm.token.id,
      url: 'https://crm.example.com/hooks/steadfast',
      eventTypes: ['promise.at_risk', 'promise.missed'],
      accountIds: null,
      disabledAt: null,
    });
    const listed = await crm.caller.webhook.list();
    expect(listed).toEqual([created.subscription]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
  });

  it('each token sees and changes only its own subscriptions; an admin sees them all', async () => {
    const crm = await aTokenCaller(api, ['webhooks:manage'], 'CRM');
    const helpdesk = await aTokenCaller(api, ['webhooks:manage'], 'Helpdesk');
    const own = await crm.caller.webhook.create({
      url: 'https://crm.example.com/in',
      eventTypes: ['promise.missed'],
    });
    const theirs = await helpdesk.caller.webhook.create({
      url: 'https://helpdesk.example.com/in',
      eventTypes: ['charter.breached'],
    });
    expect((await crm.caller.webhook.list()).map((s) => s.id)).toEqual([own.subscription.id]);
    expect(
      (await crm.caller.webhook.list({ tokenId: helpdesk.token.id })).map((s) => s.id),
    ).toEqual([own.subscription.id]);
    for (const attempt of [
      crm.caller.webhook.disable({ id: theirs.subscription.id }),
      crm.caller.webhook.delete({ id: theirs.subscription.id }),
      crm.caller.webhook.deliveries({ subscriptionId: theirs.subscription.id }),
    ]) {
      const error = await rejection(attempt);
      expect(error.code).toBe('NOT_FOUND');
    }
    expect((await api.adminCaller.webhook.list()).map((s) => s.id)).toEqual([
      own.subscription.id,
      theirs.subscription.id,
    ]);
    expect(
      (await api.adminCaller.webhook.list({ tokenId: helpdesk.token.id })).map((s) => s.id),
    ).toEqual([theirs.subscription.id]);
  });

  it('a token cannot subscribe for another token; an admin must name a live token', async () => {
    const crm = await aTokenCaller(api, ['webhooks:manage'], 'CRM');
    const other = await aTokenCaller(api, ['webhooks:manage'], 'Other');
    const input = { url: 'https://x.example.com/in', eventTypes: ['promise.missed' as const] };
    const forOther = await rejection(
      crm.caller.webhook.create({ ...input, tokenId: other.token.id }),
    );
    expect(forOther.code).toBe('BAD_REQUEST');
    expect(forOther.message).toContain('a token subscribes for itself');
    const unnamed = await rejection(api.adminCaller.webhook.create(input));
    expect(unnamed.code).toBe('BAD_REQUEST');
    await api.adminCaller.token.revoke({ id: other.token.id });
    const revoked = await rejection(
      api.adminCaller.webhook.create({ ...input, tokenId: other.token.id }),
    );
    expect(revoked.code).toBe('NOT_FOUND');
    const made = await api.adminCaller.webhook.create({ ...input, tokenId: crm.token.id });
    expect(made.subscription.tokenId).toBe(crm.token.id);
    expect((await crm.caller.webhook.list()).map((s) => s.id)).toEqual([made.subscription.id]);
  });

  it('refuses bad subscriptions naming the field, and stores nothing', async () => {
    const crm = await aTokenCaller(api, ['webhooks:manage']);
    const badUrl = await rejection(
      crm.caller.webhook.create({ url: 'ftp://x.example.com', eventTypes: ['promise.missed'] }),
    );
    expect(badUrl.code).toBe('BAD_REQUEST');
    const noTypes = await rejection(
      crm.caller.webhook.create({ url: 'https://x.example.com', eventTypes: [] }),
    );
    expect(noTypes.code).toBe('BAD_REQUEST');
    const unknownAccount = await rejection(
      crm.caller.webhook.create({
        url: 'https://x.example.com',
        eventTypes: ['promise.missed'],
        accountIds: ['00000000-0000-7000-8000-00000000dead'],
      }),
    );
    expect(unknownAccount.code).toBe('NOT_FOUND');
    expect(await crm.caller.webhook.list()).toEqual([]);
  });

  it('people other than admins and tokens without webhooks:manage are refused', async () => {
    const reader = await aTokenCaller(api, ['promises:read'], 'Reader');
    expect((await rejection(reader.caller.webhook.list())).code).toBe('FORBIDDEN');
    expect((await rejection(api.caller.webhook.list())).code).toBe('FORBIDDEN');
  });

  it('disabling keeps the subscription listed with when; deleting removes it', async () => {
    const crm = await aTokenCaller(api, ['webhooks:manage']);
    const { subscription } = await crm.caller.webhook.create({
      url: 'https://crm.example.com/in',
      eventTypes: ['promise.missed'],
    });
    api.clock.now = '2026-11-24T11:00:00.000Z';
    const disabled = await crm.caller.webhook.disable({ id: subscription.id });
    expect(disabled.disabledAt).toBe('2026-11-24T11:00:00.000Z');
    expect(await crm.caller.webhook.delete({ id: subscription.id })).toEqual({
      id: subscription.id,
      deleted: true,
    });
    expect(await crm.caller.webhook.list()).toEqual([]);
    expect((await rejection(crm.caller.webhook.delete({ id: subscription.id }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('answers bad input from an admin or a token with a 4xx, never a 500, and changes nothing', async () => {
    const crm = await aTokenCaller(api, ['webhooks:manage']);
    const unknownId = '00000000-0000-7000-8000-00000000dead';
    const badInputs: unknown[] = [
      null,
      42,
      { id: 'not-a-uuid' },
      { id: unknownId, subscriptionId: unknownId, tokenId: unknownId },
      { url: 'javascript:alert(1)', eventTypes: ['promise.missed'] },
      { url: 'https://x.example', eventTypes: 'promise.missed', accountIds: [42] },
      { status: 'lost', limit: 1e9, cursor: '!!!' },
      { cursor: '!!!' },
    ];
    for (const caller of [api.adminCaller, crm.caller]) {
      const procedures = caller.webhook as unknown as Record<
        string,
        (input: unknown) => Promise<unknown>
      >;
      for (const name of ['create', 'list', 'disable', 'delete', 'deliveries', 'redeliver']) {
        const procedure = procedures[name];
        if (procedure === undefined) throw new Error(`no webhook.${name}`);
        for (const input of badInputs) {
          const outcome = await procedure(input).then(
            () => 'accepted',
            (error: unknown) => error,
          );
          if (outcome === 'accepted') continue;
          expect(outcome, `${name} with ${JSON.stringify(input)}`).toBeInstanceOf(TRPCError);
          expect((outcome as TRPCError).code, `${name} with ${JSON.stringify(input)}`).not.toBe(
            'INTERNAL_SERVER_ERROR',
          );
        }
      }
    }
    expect(await api.adminCaller.webhook.list()).toEqual([]);
  });
});
