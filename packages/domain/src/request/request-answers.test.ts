import { describe, expect, it } from 'vitest';
import { makePromise } from '../promise/promise-commands.ts';
import {
  acceptRequest,
  acceptRequestInputSchema,
  declineRequest,
  declineRequestInputSchema,
} from './request-answers.ts';
import {
  ANSWERED_AT,
  anOpenRequest,
  domainErrorOf,
  requestIds,
  WANTED_BY,
} from './request-fixtures.ts';

const stamp = { now: ANSWERED_AT, actorId: requestIds.owner, promiseId: requestIds.promise };
const accept = (input: Record<string, unknown> = {}) =>
  acceptRequestInputSchema.parse({
    requestId: requestIds.request,
    expectedVersion: 1,
    ...input,
  });
const decline = (reason: string, expectedVersion = 1) =>
  declineRequestInputSchema.parse({ requestId: requestIds.request, expectedVersion, reason });

describe('acceptRequest', () => {
  it('answers the request with the promise it becomes, one version on', () => {
    const { request } = acceptRequest(anOpenRequest(), accept(), stamp);

    expect(request).toMatchObject({
      status: 'accepted',
      version: 2,
      updatedAt: ANSWERED_AT,
      answer: {
        type: 'accepted',
        promiseId: requestIds.promise,
        answeredAt: ANSWERED_AT,
        answeredBy: requestIds.owner,
      },
    });
  });

  it('makes an open promise to the same account, contact and owner, due when the customer wanted it', () => {
    const { promise } = acceptRequest(anOpenRequest(), accept(), stamp);

    expect(promise).toEqual({
      accountId: requestIds.account,
      contactId: requestIds.contact,
      ownerId: requestIds.owner,
      kind: 'delivery',
      title: '40 pallets of grout by Friday',
      details: 'For the Lindenstraße site',
      due: { kind: 'point', at: WANTED_BY },
      importance: 'normal',
      condition: null,
      source: { type: 'manual' },
      madeAt: ANSWERED_AT,
    });
    const made = makePromise(promise, { ...stamp, eventId: requestIds.actor });
    expect(made.state).toMatchObject({ id: requestIds.promise, status: 'open' });
  });

  it('commits to the due given over the date the customer wanted', () => {
    const due = { kind: 'point', at: '2026-03-09T16:00:00Z' };
    const { promise } = acceptRequest(anOpenRequest(), accept({ due, importance: 'high' }), stamp);

    expect(promise).toMatchObject({
      due: { kind: 'point', at: '2026-03-09T16:00:00.000Z' },
      importance: 'high',
    });
  });

  it('asks for a due when the customer named no date', () => {
    const request = anOpenRequest({ wantedBy: null });

    expect(domainErrorOf(() => acceptRequest(request, accept(), stamp))).toMatchObject({
      code: 'due_required',
      kind: 'invalid',
      field: 'due',
    });
  });

  it('refuses a stale version as a conflict naming the current version', () => {
    const error = domainErrorOf(() =>
      acceptRequest(anOpenRequest(), accept({ expectedVersion: 3 }), stamp),
    );

    expect(error).toMatchObject({
      code: 'version_conflict',
      kind: 'conflict',
      details: { currentVersion: 1 },
    });
  });
});

describe('declineRequest', () => {
  it('stores the reason the customer was given', () => {
    const reason = 'We do not deliver to sites outside the EU.';
    const request = declineRequest(anOpenRequest(), decline(reason), stamp);

    expect(request).toMatchObject({
      status: 'declined',
      version: 2,
      answer: { type: 'declined', reason, answeredAt: ANSWERED_AT, answeredBy: requestIds.owner },
    });
  });
});

describe('a request is answered exactly once', () => {
  const declined = () =>
    declineRequest(anOpenRequest(), decline('The site is outside our delivery area.'), stamp);

  it('refuses to accept a declined request, even at its current version', () => {
    const error = domainErrorOf(() =>
      acceptRequest(declined(), accept({ expectedVersion: 2 }), stamp),
    );

    expect(error).toMatchObject({
      code: 'request_already_answered',
      kind: 'illegal_transition',
      details: { status: 'declined' },
    });
  });

  it('refuses to decline an accepted request', () => {
    const { request: accepted } = acceptRequest(anOpenRequest(), accept(), stamp);
    const error = domainErrorOf(() =>
      declineRequest(accepted, decline('Changed our mind about this one.', 2), stamp),
    );

    expect(error.code).toBe('request_already_answered');
  });
});
