import { insertUser } from '@steadfast/db';
import type { ApiToken, TokenScope, UserRole } from '@steadfast/domain';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, sequentialIds, type TestApi } from '../__tests__/test-api.ts';
import { appRouter, createCaller } from '../root.ts';

// The policy, stated again from the product's side, independently of procedure-access.ts:
// queries are for every person; writes for account managers and admins (leaders only read);
// these exceptions; and only these procedures open to integration tokens, each with its scope.
const publicOnes = ['auth.login', 'auth.logout', 'auth.me', 'auth.token'];
const leadershipOnly = [
  'trust.company',
  'trust.ranking',
  'forecast.audit',
  'request.frictionRanking',
  'portfolio.kindSlips',
  'portfolio.serviceGaps',
  'portfolio.serviceGapAccounts',
  'portfolio.attention',
  'portfolio.neglectedAccounts',
  'portfolio.trend',
];
// One's own calendar feed: every logged-in person, leaders included even for its writes; no token.
const everyPerson = ['calendarFeed.create', 'calendarFeed.revoke', 'calendarFeed.status'];
const adminOnly = [
  'settings.updateAnalytics',
  'calendar.setCompany',
  'team.create',
  'team.assign',
  'token.create',
  'token.list',
  'token.revoke',
  'audit.list',
  'user.create',
  'user.setRole',
  // CSV imports of accounts and promise history: admins only, no token.
  'import.accounts',
  'import.promises',
  // Webhooks: among people only admins; among tokens, those with webhooks:manage (below).
  'webhook.create',
  'webhook.list',
  'webhook.disable',
  'webhook.delete',
  'webhook.deliveries',
  'webhook.redeliver',
];
const tokenScope: Record<string, TokenScope> = {
  'account.get': 'accounts:read',
  'account.list': 'accounts:read',
  'user.list': 'accounts:read',
  'charter.get': 'accounts:read',
  'charter.history': 'accounts:read',
  'charter.version': 'accounts:read',
  'charter.observations': 'accounts:read',
  'promise.create': 'promises:write',
  'promise.recordEvent': 'promises:write',
  'promise.recordEventBatch': 'promises:write',
  'request.create': 'promises:write',
  'promise.get': 'promises:read',
  'promise.list': 'promises:read',
  'promise.outcome': 'promises:read',
  'calendar.addDuration': 'promises:read',
  'calibration.check': 'promises:read',
  'risk.review': 'promises:read',
  'request.get': 'promises:read',
  'request.list': 'promises:read',
  'request.counterDue': 'promises:read',
  'charter.observe': 'observations:write',
  'charter.observeBatch': 'observations:write',
  'request.satisfactionRecord': 'observations:write',
  'drift.forAccount': 'scores:read',
  'charter.compliance': 'scores:read',
  'request.satisfactionList': 'scores:read',
  'request.satisfactionSummary': 'scores:read',
  'trust.account': 'scores:read',
  'trust.manager': 'scores:read',
  'trust.team': 'scores:read',
  'trust.history': 'scores:read',
  'trust.explainChange': 'scores:read',
  'trust.company': 'scores:read',
  'trust.ranking': 'scores:read',
  'webhook.create': 'webhooks:manage',
  'webhook.list': 'webhooks:manage',
  'webhook.disable': 'webhooks:manage',
  'webhook.delete': 'webhooks:manage',
  'webhook.deliveries': 'webhooks:manage',
  'webhook.redeliver': 'webhooks:manage',
};

type Actor = { name: string; role?: UserRole; scopes?: TokenScope[]; otherManager?: boolean };
const actors: Actor[] = [
  { name: 'anonymous' },
  { name: 'own account manager', role: 'account_manager' },
  { name: 'other account manager', role: 'account_manager', otherManager: true },
  { name: 'leader', role: 'leader' },
  { name: 'admin', role: 'admin' },
];

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string } }
>;
const paths = Object.keys(procedures).sort();

function expectedAllowed(path: string, actor: Actor): boolean {
  if (publicOnes.includes(path)) return true;
  if (actor.scopes)
    return tokenScope[path] !== undefined && actor.scopes.includes(tokenScope[path]);
  if (actor.role === undefined) return false;
  if (adminOnly.includes(path)) return actor.role === 'admin';
  if (leadershipOnly.includes(path)) return actor.role === 'leader' || actor.role === 'admin';
  const leaderWrite = procedures[path]?._def.type === 'mutation' && !everyPerson.includes(path);
  if (leaderWrite && actor.role === 'leader') return false;
  // The input names the own manager's account and promise: another manager never reaches them.
  return !actor.otherManager;
}

describe('who may call what: every procedure of AppRouter, for every kind of caller', () => {
  let api: TestApi;
  const userIds = new Map<UserRole, string>();
  let otherManagerId = '';
  let owned = { accountId: '', promiseId: '' };
  beforeAll(async () => {
    api = await createTestApi();
    userIds.set('account_manager', api.ownerId);
    userIds.set('admin', api.adminId);
    const leaderId = api.newId();
    await insertUser(api.db, {
      id: leaderId,
      name: 'Lee Leader',
      email: 'lee@example.com',
      role: 'leader',
      createdAt: api.clock.now,
    });
    userIds.set('leader', leaderId);
    otherManagerId = api.newId();
    await insertUser(api.db, {
      id: otherManagerId,
      name: 'Otto Other',
      email: 'otto@example.com',
      role: 'account_manager',
      createdAt: api.clock.now,
    });
    const account = await api.caller.account.create({ name: 'Own Ltd', ownerId: api.ownerId });
    const promise = await api.caller.promise.create({
      accountId: account.id,
      ownerId: api.ownerId,
      kind: 'quote',
      title: 'Quote',
      due: { kind: 'point', at: '2026-12-01T10:00:00Z' },
    });
    owned = { accountId: account.id, promiseId: promise.id };
  });
  afterAll(async () => {
    await api.close();
  });

  function callerFor(actor: Actor) {
    const token: ApiToken | null = actor.scopes
      ? {
          id: 'tok',
          name: 'Integration',
          scopes: actor.scopes,
          createdBy: null,
          createdAt: api.clock.now,
          lastUsedAt: null,
          revokedAt: null,
        }
      : null;
    const actorId = actor.otherManager
      ? otherManagerId
      : actor.role === undefined
        ? null
        : (userIds.get(actor.role) ?? null);
    return createCaller({
      db: api.db,
      now: () => api.clock.now,
      newId: sequentialIds(),
      actorId,
      token,
    });
  }

  async function allowed(path: string, actor: Actor): Promise<boolean> {
    const [group, name] = path.split('.');
    const caller = callerFor(actor) as unknown as Record<
      string,
      Record<string, (input: unknown) => Promise<unknown>>
    >;
    const procedure = group === undefined || name === undefined ? undefined : caller[group]?.[name];
    if (procedure === undefined) throw new Error(`cannot call ${path}`);
    // An input naming the own manager's account and promise, and otherwise not valid: an allowed
    // caller meets a validation or lookup error; a refused one the access check, which comes
    // first, or (another manager) a 404 on the account or promise it may not see.
    const outcome = await procedure({ id: 'not-a-uuid', ...owned }).then(
      () => 'ok',
      (error: unknown) => error,
    );
    if (outcome === 'ok') return true;
    if (!(outcome instanceof TRPCError)) throw outcome;
    const cause = outcome.cause as { code?: unknown } | undefined;
    const hidden =
      outcome.code === 'NOT_FOUND' &&
      ['account_not_found', 'promise_not_found'].includes(String(cause?.code));
    return outcome.code !== 'UNAUTHORIZED' && outcome.code !== 'FORBIDDEN' && !hidden;
  }

  it('covers every procedure, and the policy names only procedures that exist', () => {
    expect(paths.length).toBeGreaterThan(60);
    for (const path of [
      ...publicOnes,
      ...leadershipOnly,
      ...everyPerson,
      ...adminOnly,
      ...Object.keys(tokenScope),
    ]) {
      expect(paths).toContain(path);
    }
  });

  const tokenActors: Actor[] = (
    [
      'accounts:read',
      'promises:read',
      'promises:write',
      'observations:write',
      'scores:read',
      'webhooks:manage',
    ] as const
  ).map((scope) => ({ name: `token with ${scope}`, scopes: [scope] }));
  const cases = paths.flatMap((path) =>
    [...actors, ...tokenActors].map((actor) => [path, actor.name, actor] as const),
  );

  it.each(cases)('%s for %s', async (path, _name, actor) => {
    expect(await allowed(path, actor)).toBe(expectedAllowed(path, actor));
  });
});
