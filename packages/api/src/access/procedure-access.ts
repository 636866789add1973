import type { TokenScope, UserRole } from '@steadfast/domain';

/**
 * Who may call a procedure. `public`: anyone. `read`: any logged-in person, or a token holding
 * `scope`. `write`: account managers and admins (leaders read, they do not change customers'
 * promises), or a token holding `scope`. `leadership`: leaders and admins, or a token holding
 * `scope`. `admin`: admins only, or a token holding `scope` where one is named (a token managing
 * its own webhooks). Where no scope is named, no token may call it.
 */
export type ProcedureAccess =
  | { kind: 'public' }
  | { kind: 'read' | 'write' | 'leadership'; scope?: TokenScope }
  | { kind: 'admin'; scope?: TokenScope };

const publicAccess: ProcedureAccess = { kind: 'public' };
const read = (scope?: TokenScope): ProcedureAccess =>
  scope ? { kind: 'read', scope } : { kind: 'read' };
const write = (scope?: TokenScope): ProcedureAccess =>
  scope ? { kind: 'write', scope } : { kind: 'write' };
const leadership = (scope?: TokenScope): ProcedureAccess =>
  scope ? { kind: 'leadership', scope } : { kind: 'leadership' };
const admin: ProcedureAccess = { kind: 'admin' };
const adminOr = (scope: TokenScope): ProcedureAccess => ({ kind: 'admin', scope });

/** Every procedure's access, by path. A procedure missing here is refused to everyone. */
export const procedureAccess: Readonly<Record<string, ProcedureAccess>> = {
  'auth.login': publicAccess,
  'auth.logout': publicAccess,
  'auth.me': publicAccess,
  'auth.token': publicAccess,

  'account.create': write(),
  'account.get': read('accounts:read'),
  'account.list': read('accounts:read'),
  'user.list': read('accounts:read'),
  'team.list': read(),

  'promise.create': write('promises:write'),
  'promise.recordEvent': write('promises:write'),
  'promise.recordEventBatch': write('promises:write'),
  'promise.get': read('promises:read'),
  'promise.list': read('promises:read'),
  'promise.outcome': read('promises:read'),

  'calendar.company': read(),
  'calendar.addDuration': read('promises:read'),
  'calendar.parseHolidays': write(),
  'calendar.setAccount': write(),
  'calibration.check': read('promises:read'),
  'risk.review': read('promises:read'),
  'drift.forAccount': read('scores:read'),

  'charter.get': read('accounts:read'),
  'charter.history': read('accounts:read'),
  'charter.version': read('accounts:read'),
  'charter.compliance': read('scores:read'),
  'charter.observations': read('accounts:read'),
  'charter.overdueReviews': read(),
  'charter.save': write(),
  'charter.recordReview': write(),
  'charter.observe': write('observations:write'),
  'charter.observeBatch': write('observations:write'),

  'request.create': write('promises:write'),
  'request.get': read('promises:read'),
  'request.list': read('promises:read'),
  'request.accept': write(),
  'request.counter': write(),
  'request.counterDue': read('promises:read'),
  'request.decline': write(),
  'request.frictionReport': write(),
  'request.frictionList': read(),
  'request.frictionRanking': leadership(),
  'request.satisfactionRecord': write('observations:write'),
  'request.satisfactionList': read('scores:read'),
  'request.satisfactionSummary': read('scores:read'),

  'touchpoint.list': read(),
  'touchpoint.suggest': write(),
  'touchpoint.complete': write(),
  'touchpoint.dismiss': write(),
  'touchpoint.log': write(),

  'trust.account': read('scores:read'),
  'trust.manager': read('scores:read'),
  'trust.team': read('scores:read'),
  'trust.history': read('scores:read'),
  'trust.explainChange': read('scores:read'),
  'trust.company': leadership('scores:read'),
  'trust.ranking': leadership('scores:read'),
  'forecast.audit': leadership(),
  'portfolio.kindSlips': leadership(),
  'portfolio.serviceGaps': leadership(),
  'portfolio.serviceGapAccounts': leadership(),
  'portfolio.attention': leadership(),
  'portfolio.neglectedAccounts': leadership(),
  'portfolio.trend': leadership(),

  // One's own calendar feed: every logged-in person (leaders too) makes, revokes and reads theirs; no token.
  'calendarFeed.create': read(),
  'calendarFeed.revoke': read(),
  'calendarFeed.status': read(),

  'settings.analytics': read(),
  'settings.updateAnalytics': admin,
  'calendar.setCompany': admin,
  'team.create': admin,
  'team.assign': admin,
  'token.create': admin,
  'token.list': admin,
  'token.revoke': admin,
  'audit.list': admin,
  'user.create': admin,
  'user.setRole': admin,
  'import.accounts': admin,
  'import.promises': admin,

  // Webhooks: a token with webhooks:manage manages its own subscriptions; an admin, everyone's.
  'webhook.create': adminOr('webhooks:manage'),
  'webhook.list': adminOr('webhooks:manage'),
  'webhook.disable': adminOr('webhooks:manage'),
  'webhook.delete': adminOr('webhooks:manage'),
  'webhook.deliveries': adminOr('webhooks:manage'),
  'webhook.redeliver': adminOr('webhooks:manage'),
};

const rolesFor: Record<'read' | 'write' | 'leadership' | 'admin', readonly UserRole[]> = {
  read: ['account_manager', 'leader', 'admin'],
  write: ['account_manager', 'admin'],
  leadership: ['leader', 'admin'],
  admin: ['admin'],
};

/** Whether a caller (a person with a role, a token with scopes, or nobody) may call a procedure. */
export function mayCall(
  access: ProcedureAccess | undefined,
  caller: { role: UserRole } | { scopes: readonly TokenScope[] } | null,
): boolean {
  if (access === undefined) return false;
  if (access.kind === 'public') return true;
  if (caller === null) return false;
  if ('role' in caller) return rolesFor[access.kind].includes(caller.role);
  return access.scope !== undefined && caller.scopes.includes(access.scope);
}
