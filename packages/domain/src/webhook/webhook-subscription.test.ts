import { describe, expect, it } from 'vitest';
import { createWebhookSubscriptionInputSchema, subscriptionWants } from './webhook-subscription.ts';

const accountA = '00000000-0000-7000-8000-00000000a001';
const accountB = '00000000-0000-7000-8000-00000000a002';

function issuesOf(input: unknown): Record<string, string[] | undefined> {
  const result = createWebhookSubscriptionInputSchema.safeParse(input);
  if (result.success) return {};
  const issues: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.');
    issues[key] = [...(issues[key] ?? []), issue.message];
  }
  return issues;
}

describe('subscribing an endpoint to webhooks', () => {
  it('takes an https or http URL and a de-duplicated, sorted set of event types', () => {
    const parsed = createWebhookSubscriptionInputSchema.parse({
      url: 'https://hooks.example.com/steadfast',
      eventTypes: ['promise.missed', 'charter.breached', 'promise.missed'],
    });
    expect(parsed).toEqual({
      url: 'https://hooks.example.com/steadfast',
      eventTypes: ['charter.breached', 'promise.missed'],
      accountIds: null,
      description: null,
    });
    expect(
      createWebhookSubscriptionInputSchema.safeParse({
        url: 'http://127.0.0.1:8080/hook',
        eventTypes: ['promise.at_risk'],
      }).success,
    ).toBe(true);
  });

  it('refuses other schemes, no event types, unknown ones and an empty account filter', () => {
    expect(issuesOf({ url: 'ftp://example.com/x', eventTypes: ['promise.missed'] }).url).toEqual([
      'must be an http:// or https:// URL',
    ]);
    expect(issuesOf({ url: 'not a url', eventTypes: ['promise.missed'] }).url).toBeDefined();
    expect(issuesOf({ url: 'https://x.example', eventTypes: [] }).eventTypes).toEqual([
      'must name at least one event type',
    ]);
    expect(issuesOf({ url: 'https://x.example', eventTypes: ['promise.exploded'] })).toHaveProperty(
      'eventTypes.0',
    );
    expect(
      issuesOf({ url: 'https://x.example', eventTypes: ['promise.missed'], accountIds: [] })
        .accountIds,
    ).toEqual(['must name at least one account (leave it out for every account)']);
  });
});

describe('which subscriptions an event goes to', () => {
  const subscription = {
    eventTypes: ['promise.missed' as const],
    accountIds: [accountA],
    disabledAt: null,
  };

  it('one that names its type and its account', () => {
    expect(subscriptionWants(subscription, { type: 'promise.missed', accountId: accountA })).toBe(
      true,
    );
  });

  it('not one of another type or another account', () => {
    expect(
      subscriptionWants(subscription, { type: 'promise.fulfilled', accountId: accountA }),
    ).toBe(false);
    expect(subscriptionWants(subscription, { type: 'promise.missed', accountId: accountB })).toBe(
      false,
    );
  });

  it('every account when it names none; never once disabled', () => {
    const everyAccount = { ...subscription, accountIds: null };
    expect(subscriptionWants(everyAccount, { type: 'promise.missed', accountId: accountB })).toBe(
      true,
    );
    expect(
      subscriptionWants(
        { ...everyAccount, disabledAt: '2026-11-24T10:00:00.000Z' },
        { type: 'promise.missed', accountId: accountB },
      ),
    ).toBe(false);
  });
});
