import type { OpenApiMeta } from 'trpc-to-openapi';
import { procedureAccess } from '../access/procedure-access.ts';

type Route = NonNullable<OpenApiMeta['openapi']>;

/** What each error status means on the REST surface (the body is always an `Error`). */
const errorMeaning = {
  400: 'Bad input: `fieldErrors` names each field and the rule it broke. Nothing was changed.',
  401: 'No token was sent, or it is unknown, malformed or revoked.',
  403: 'The token does not hold the scope this endpoint needs.',
  404: 'Something the request names does not exist (`fieldErrors` says which).',
  409: 'The promise changed since `expectedVersion` (`details.currentVersion` has the current one).',
  422: "The promise's state does not allow this event (`errorCode` says why, e.g. `promise_closed`).",
  415: 'The body must be JSON, sent as `content-type: application/json`.',
  500: 'Something went wrong on our side; nothing the request sent caused it.',
} as const;

type ErrorStatus = keyof typeof errorMeaning;

function errors(...statuses: ErrorStatus[]): Record<number, string> {
  return Object.fromEntries(
    [401, 403, ...statuses, 500].map((status) => [status, errorMeaning[status as ErrorStatus]]),
  );
}

/** The token scope a procedure's REST endpoint needs: the one its access entry names. */
function scopeOf(procedure: string): string {
  const access = procedureAccess[procedure];
  if (access === undefined || access.kind === 'public' || !access.scope) {
    throw new Error(`${procedure} is exposed as REST but no token scope reaches it`);
  }
  return access.scope;
}

function route(
  procedure: string,
  options: Omit<Route, 'protect' | 'errorResponses' | 'tags'> & {
    tag: string;
    errors: ErrorStatus[];
  },
): OpenApiMeta {
  const { tag, errors: statuses, description, ...rest } = options;
  const scope = scopeOf(procedure);
  return {
    openapi: {
      ...rest,
      tags: [tag],
      description: `${description ?? ''}\n\nNeeds a token with the scope \`${scope}\`.`.trim(),
      protect: true,
      // A body that is not JSON is refused before anything else is read.
      errorResponses: errors(...statuses, ...(rest.method === 'POST' ? [415 as const] : [])),
    },
  };
}

/**
 * The integration procedures as REST endpoints (mounted under `/api`): order systems, helpdesks
 * and CRMs post promises, their fulfilments and service measurements, and read trust scores.
 * Keyed by the procedure each describes.
 */
export const integrationRoutes = {
  'promise.create': route('promise.create', {
    method: 'POST',
    path: '/v1/promises',
    tag: 'Promises',
    summary: 'Make a promise',
    description:
      'Records a promise made to a customer: its kind, account, owner, due point or window, importance, optional condition (the clock starts when it is met) and source.',
    errors: [400, 404],
  }),
  'promise.recordEvent': route('promise.recordEvent', {
    method: 'POST',
    path: '/v1/promises/{promiseId}/events',
    tag: 'Promises',
    summary: 'Record what happened to a promise',
    description:
      'Condition met, progress, at risk, customer informed, renegotiated, fulfilled (full or partial), missed, released or cancelled — at the `expectedVersion` the caller last saw. Answers with the promise as it now stands.',
    errors: [400, 404, 409, 422],
  }),
  'promise.recordEventBatch': route('promise.recordEventBatch', {
    method: 'POST',
    path: '/v1/promises/events/batch',
    tag: 'Promises',
    summary: 'Record up to 1000 events, all or none',
    description:
      'Each item is what `POST /v1/promises/{promiseId}/events` takes plus its `promiseId`, recorded in order in one transaction (several items may name one promise, each at the version the one before leaves). When any item is refused nothing is recorded: a bad field is a 400 naming every refused item and field (`events.3.event.reason`); otherwise the first refused item is named (`events.3.expectedVersion`) with the status the single call would give (404, 409 or 422). Results follow the input order.',
    errors: [400, 404, 409, 422],
  }),
  'promise.get': route('promise.get', {
    method: 'GET',
    path: '/v1/promises/{id}',
    tag: 'Promises',
    summary: 'Read a promise with its events',
    errors: [400, 404],
  }),
  'promise.list': route('promise.list', {
    method: 'GET',
    path: '/v1/promises',
    tag: 'Promises',
    summary: 'List promises (view=at_risk: the ones at risk)',
    description:
      'Lists promises by `view` (`at_risk`: running and flagged at risk; also `due_today`, `overdue`, `upcoming`, `open`, `closed`, `all`), account, owner, kind and status, soonest deadline first. Page with `limit` and the `nextCursor` of the previous page.',
    errors: [400],
  }),
  'risk.review': route('risk.review', {
    method: 'GET',
    path: '/v1/promises/{id}/risk',
    tag: 'Promises',
    summary: "An open promise's risk of slipping",
    description:
      'The chance of keeping the promise by its due given the time it has already run, from the record of comparable promises; when it is at risk, a drafted customer notice with what happened, an apology, alternatives and a realistic new date. Refused (422) for a promise that is no longer open.',
    errors: [400, 404, 422],
  }),
  'account.list': route('account.list', {
    method: 'GET',
    path: '/v1/accounts',
    tag: 'Accounts',
    summary: 'List accounts',
    errors: [400],
  }),
  'account.get': route('account.get', {
    method: 'GET',
    path: '/v1/accounts/{id}',
    tag: 'Accounts',
    summary: 'Read an account with its contacts',
    errors: [400, 404],
  }),
  'charter.observe': route('charter.observe', {
    method: 'POST',
    path: '/v1/observations',
    tag: 'Observations',
    summary: 'Post one observation of a charter term',
    description:
      'One measured instance of a service-charter term (e.g. a first response that took 2.5 business hours). Posting the same term and `reference` again stores nothing and answers with the observation stored first (`duplicate: true`).',
    errors: [400, 404],
  }),
  'charter.observeBatch': route('charter.observeBatch', {
    method: 'POST',
    path: '/v1/observations/batch',
    tag: 'Observations',
    summary: 'Post up to 1000 observations, all or none',
    description:
      'When any row is refused, the 400 names every refused row and field (`observations.3.termId`) and nothing is stored. Rows repeating a term and `reference` already stored count as duplicates. Results follow the input order.',
    errors: [400],
  }),
  'trust.company': route('trust.company', {
    method: 'GET',
    path: '/v1/trust/company',
    tag: 'Trust',
    summary: "The company's trust score",
    errors: [],
  }),
  'trust.account': route('trust.account', {
    method: 'GET',
    path: '/v1/trust/accounts/{accountId}',
    tag: 'Trust',
    summary: "An account's trust score",
    description:
      'Trust 0–100 with its credible interval and a breakdown (reliability, consistency, proactivity, charter) in words and numbers.',
    errors: [400, 404],
  }),
  'trust.manager': route('trust.manager', {
    method: 'GET',
    path: '/v1/trust/managers/{userId}',
    tag: 'Trust',
    summary: "An account manager's trust score",
    errors: [400, 404],
  }),
  'trust.team': route('trust.team', {
    method: 'GET',
    path: '/v1/trust/teams/{teamId}',
    tag: 'Trust',
    summary: "A team's trust score",
    errors: [400, 404],
  }),
  'webhook.create': route('webhook.create', {
    method: 'POST',
    path: '/v1/webhooks',
    tag: 'Webhooks',
    summary: 'Subscribe an endpoint to events',
    description:
      'Subscribes a URL to event types (`promise.at_risk`, `promise.missed`, `promise.fulfilled`, `charter.breached`, `charter.review_due`), optionally only for some accounts. The answer carries the signing secret once: every delivery is signed with it per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`).',
    errors: [400, 404],
  }),
  'webhook.list': route('webhook.list', {
    method: 'GET',
    path: '/v1/webhooks',
    tag: 'Webhooks',
    summary: "The token's subscriptions",
    errors: [400],
  }),
  'webhook.disable': route('webhook.disable', {
    method: 'POST',
    path: '/v1/webhooks/{id}/disable',
    tag: 'Webhooks',
    summary: 'Stop sending to a subscription',
    description: 'Nothing more is delivered to it; its deliveries stay visible.',
    errors: [400, 404],
  }),
  'webhook.delete': route('webhook.delete', {
    method: 'DELETE',
    path: '/v1/webhooks/{id}',
    tag: 'Webhooks',
    summary: 'Delete a subscription and its deliveries',
    errors: [400, 404],
  }),
  'webhook.deliveries': route('webhook.deliveries', {
    method: 'GET',
    path: '/v1/webhook-deliveries',
    tag: 'Webhooks',
    summary: 'Deliveries, newest first (dead letters with `status=dead`)',
    description:
      'Each event on its way to a subscription: pending (with its next attempt), delivered, or dead after its last attempt, with the last status code and error.',
    errors: [400, 404],
  }),
  'webhook.redeliver': route('webhook.redeliver', {
    method: 'POST',
    path: '/v1/webhook-deliveries/{id}/redeliver',
    tag: 'Webhooks',
    summary: 'Send a dead letter again',
    description: 'From now, under the same `webhook-id`, with the retry schedule starting over.',
    errors: [400, 404, 422],
  }),
} satisfies Record<string, OpenApiMeta>;
