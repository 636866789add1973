import { describe, expect, it } from 'vitest';
import { receiveRequest, receiveRequestInputSchema } from './customer-request.ts';
import {
  ASKED_AT,
  anOpenRequest,
  domainErrorOf,
  requestIds,
  WANTED_BY,
} from './request-fixtures.ts';

const stamp = { requestId: requestIds.request, now: ASKED_AT, actorId: requestIds.actor };

function issuesOf(input: unknown): Record<string, string[]> {
  const result = receiveRequestInputSchema.safeParse(input);
  if (result.success) return {};
  const issues: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    issues[path] = [...(issues[path] ?? []), issue.message];
  }
  return issues;
}

describe('receiveRequest', () => {
  it('gives an open request at version 1, asked now, with nothing answered yet', () => {
    const request = anOpenRequest();

    expect(request).toEqual({
      id: requestIds.request,
      accountId: requestIds.account,
      contactId: requestIds.contact,
      ownerId: requestIds.owner,
      kind: 'delivery',
      title: '40 pallets of grout by Friday',
      details: 'For the Lindenstraße site',
      askedAt: ASKED_AT,
      wantedBy: { kind: 'point', at: WANTED_BY },
      status: 'open',
      answer: null,
      recordedAt: ASKED_AT,
      recordedBy: requestIds.actor,
      version: 1,
      updatedAt: ASKED_AT,
    });
  });

  it('keeps a request asked earlier than it was recorded, with no date wanted', () => {
    const command = receiveRequestInputSchema.parse({
      accountId: requestIds.account,
      ownerId: requestIds.owner,
      kind: 'quote',
      title: 'A quote for next year',
      askedAt: '2026-03-01T15:00:00+01:00',
    });
    const request = receiveRequest(command, stamp);

    expect(request).toMatchObject({
      askedAt: '2026-03-01T14:00:00.000Z',
      contactId: null,
      details: null,
      wantedBy: null,
    });
  });

  it('refuses a request asked in the future, on askedAt', () => {
    const command = receiveRequestInputSchema.parse({
      accountId: requestIds.account,
      ownerId: requestIds.owner,
      kind: 'quote',
      title: 'A quote',
      askedAt: '2026-03-02T10:00:00Z',
    });

    expect(domainErrorOf(() => receiveRequest(command, stamp))).toMatchObject({
      code: 'occurred_in_future',
      kind: 'invalid',
      field: 'askedAt',
    });
  });

  it('refuses a wanted-by date that is not after the moment the customer asked', () => {
    const command = receiveRequestInputSchema.parse({
      accountId: requestIds.account,
      ownerId: requestIds.owner,
      kind: 'delivery',
      title: 'Yesterday, please',
      wantedBy: {
        kind: 'window',
        earliest: '2026-02-27T09:00:00Z',
        latest: '2026-03-01T17:00:00Z',
      },
    });

    expect(domainErrorOf(() => receiveRequest(command, stamp))).toMatchObject({
      code: 'wanted_before_asked',
      field: 'wantedBy.latest',
    });
  });
});

describe('receiveRequestInputSchema', () => {
  it('names each field that breaks a rule, and the rule', () => {
    expect(
      issuesOf({
        accountId: 'not-a-uuid',
        ownerId: requestIds.owner,
        kind: 'favour',
        title: '   ',
        wantedBy: { kind: 'point', at: 'Friday' },
      }),
    ).toEqual({
      accountId: ['must be a UUID'],
      kind: [expect.any(String)],
      title: ['must not be empty'],
      'wantedBy.at': ['must be an ISO-8601 date-time with a time zone (e.g. 2026-03-01T09:00:00Z)'],
    });
  });
});
