import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fieldErrors, rejection } from '../__tests__/rejections.ts';
import { createTestApi, type TestApi } from '../__tests__/test-api.ts';

describe('request router: friction reports and satisfaction signals', () => {
  let api: TestApi;
  let accountId: string;
  beforeEach(async () => {
    api = await createTestApi('2026-11-24T10:00:00.000Z');
    const account = await api.caller.account.create({ name: 'Northwind', ownerId: api.ownerId });
    accountId = account.id;
  });
  afterEach(async () => {
    await api.close();
  });

  const report = (overrides: Record<string, unknown>) =>
    api.caller.request.frictionReport({
      policy: 'Invoice only by post',
      whatHappened: 'The customer waited a week for an invoice to pay against.',
      impact: 'low',
      reportedById: api.ownerId,
      ...overrides,
    });

  it('ranks policies for leadership by reports × impact weight, with their costs', async () => {
    for (let n = 0; n < 4; n += 1) await report({});
    await report({
      policy: 'Prepayment for new customers',
      impact: 'critical',
      accountId,
      cost: { amount: 18000, currency: 'eur' },
    });
    await report({ policy: 'returns need the ORIGINAL packaging', impact: 'medium' });
    api.clock.now = '2026-11-24T11:00:00.000Z';
    await report({ policy: 'Returns need the original packaging', impact: 'medium' });

    const ranking = await api.adminCaller.request.frictionRanking();

    expect(ranking.weights).toEqual({ low: 1, medium: 3, high: 9, critical: 27 });
    expect(ranking.policies.map((p) => [p.policy, p.reports, p.impactScore])).toEqual([
      ['Prepayment for new customers', 1, 27],
      // Shown as most recently spelled.
      ['Returns need the original packaging', 2, 6],
      ['Invoice only by post', 4, 4],
    ]);
    expect(ranking.policies[0]?.costs).toMatchObject([{ currency: 'EUR', total: 18000 }]);
    const forAccount = await api.adminCaller.request.frictionRanking({ accountId });
    expect(forAccount.policies.map((p) => p.policy)).toEqual(['Prepayment for new customers']);
  });

  it('lists one policy’s reports whatever the case of its name', async () => {
    const first = await report({ policy: 'Returns need the original packaging' });
    await report({ policy: 'Invoice only by post' });

    const listed = await api.caller.request.frictionList({
      policy: 'RETURNS need the original packaging',
    });

    expect(listed.map((r) => r.id)).toEqual([first.id]);
  });

  it('answers a bad friction report with BAD_REQUEST naming each field, and stores nothing', async () => {
    const error = await rejection(
      report({ impact: 'catastrophic', policy: ' ', cost: { amount: 10, currency: 'euros' } }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(Object.keys(fieldErrors(error)).sort()).toEqual(['cost.currency', 'impact', 'policy']);
    expect((await api.caller.request.frictionList()).length).toBe(0);
  });

  it('answers an unknown reporter with NOT_FOUND on reportedById', async () => {
    const error = await rejection(report({ reportedById: '00000000-0000-7000-8000-0000000000ff' }));

    expect(error.code).toBe('NOT_FOUND');
    expect(error.cause).toMatchObject({ code: 'user_not_found', field: 'reportedById' });
  });

  it('records scores on any scale normalised to 0..1, and the customer’s words', async () => {
    const csat = await api.caller.request.satisfactionRecord({
      accountId,
      score: { value: 4, min: 1, max: 5 },
      source: 'survey',
      receivedAt: '2026-11-01T09:00:00Z',
    });
    const nps = await api.caller.request.satisfactionRecord({
      accountId,
      score: { value: 9, min: 0, max: 10 },
      words: 'Deliveries have been spot on lately.',
      source: 'survey',
    });

    expect(csat.score).toEqual({ value: 4, min: 1, max: 5, normalised: 0.75 });
    expect(nps.score?.normalised).toBe(0.9);
    const listed = await api.caller.request.satisfactionList({ accountId });
    expect(listed.map((s) => s.id)).toEqual([nps.id, csat.id]);
  });

  it('summarises an account: the latest signal and score, and the mean normalised score over the window', async () => {
    const record = (input: Record<string, unknown>) =>
      api.caller.request.satisfactionRecord({ accountId, source: 'survey', ...input });
    await record({ score: { value: 0, min: 0, max: 10 }, receivedAt: '2026-06-01T09:00:00Z' });
    await record({ score: { value: 4, min: 1, max: 5 }, receivedAt: '2026-10-01T09:00:00Z' });
    const latestScored = await record({
      score: { value: 9, min: 0, max: 10 },
      receivedAt: '2026-11-10T09:00:00Z',
    });
    const latest = await record({ words: 'Slow reply to the last ticket.', source: 'email' });

    const summary = await api.caller.request.satisfactionSummary({ accountId, windowDays: 90 });

    expect(summary).toMatchObject({
      window: { from: '2026-08-26T10:00:00.000Z', to: '2026-11-24T10:00:00.000Z' },
      signals: 3,
      scored: 2,
      latest: { id: latest.id },
      latestScored: { id: latestScored.id },
    });
    // The June zero is outside the window: (0.75 + 0.9) / 2.
    expect(summary.meanScore).toBeCloseTo(0.825, 12);
  });

  it('answers a signal with neither score nor words, or a score off its scale, with BAD_REQUEST', async () => {
    const empty = await rejection(
      api.caller.request.satisfactionRecord({ accountId, source: 'call' }),
    );
    const offScale = await rejection(
      api.caller.request.satisfactionRecord({
        accountId,
        source: 'survey',
        score: { value: 11, min: 0, max: 10 },
      }),
    );

    expect(empty.code).toBe('BAD_REQUEST');
    expect(Object.keys(fieldErrors(empty))).toEqual(['score']);
    expect(fieldErrors(offScale)).toEqual({ 'score.value': ['must lie between min and max'] });
    expect((await api.caller.request.satisfactionSummary({ accountId })).signals).toBe(0);
  });
});
