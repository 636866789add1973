import { describe, expect, it } from 'vitest';
import { frictionPolicyKey, reportFriction, reportFrictionInputSchema } from './friction-report.ts';
import { ANSWERED_AT, domainErrorOf, requestIds } from './request-fixtures.ts';

const stamp = { reportId: requestIds.request, now: ANSWERED_AT };
const aReport = (input: Record<string, unknown> = {}) =>
  reportFrictionInputSchema.parse({
    policy: '  Returns   need the  original packaging ',
    whatHappened: 'Customer could not return a faulty pump without its box.',
    impact: 'high',
    cost: { amount: 1200, currency: 'eur' },
    reportedById: requestIds.owner,
    ...input,
  });

describe('reportFriction', () => {
  it('records the report as it happened now, grouped under its policy', () => {
    expect(reportFriction(aReport(), stamp)).toEqual({
      id: requestIds.request,
      accountId: null,
      policy: 'Returns need the original packaging',
      policyKey: 'returns need the original packaging',
      whatHappened: 'Customer could not return a faulty pump without its box.',
      impact: 'high',
      cost: { amount: 1200, currency: 'EUR' },
      reportedById: requestIds.owner,
      occurredAt: ANSWERED_AT,
      recordedAt: ANSWERED_AT,
    });
  });

  it('refuses a report of something that happens in the future', () => {
    const report = aReport({ occurredAt: '2026-03-03T09:00:00Z' });

    expect(domainErrorOf(() => reportFriction(report, stamp))).toMatchObject({
      code: 'occurred_in_future',
      field: 'occurredAt',
    });
  });

  it('takes names that differ only in case and spacing as one policy', () => {
    expect(frictionPolicyKey('Returns  Policy ')).toBe(frictionPolicyKey('returns policy'));
  });
});

describe('reportFrictionInputSchema', () => {
  it('names the impact and the currency when they are not what they must be', () => {
    const result = reportFrictionInputSchema.safeParse({
      policy: 'Prepayment for new customers',
      whatHappened: 'A first order waited a week for the transfer.',
      impact: 'enormous',
      cost: { amount: -5, currency: 'euro' },
      reportedById: requestIds.owner,
    });

    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['impact', expect.any(String)],
      ['cost.amount', 'must not be negative'],
      ['cost.currency', 'must be a three-letter ISO 4217 currency code such as EUR'],
    ]);
  });

  it('leaves the cost and the account out when not known', () => {
    expect(aReport({ cost: undefined })).toMatchObject({ cost: null, accountId: null });
  });
});
