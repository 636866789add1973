import { describe, expect, it } from 'vitest';
import { suggestRepeatCustomerThanks, suggestThanksAfterFulfilment } from './thanks-rules.ts';
import { accountId, fulfilledPromise, ruleInput, soFar } from './touchpoint-fixtures.ts';
import { touchpointRulesSchema } from './touchpoint-rules.ts';

const now = '2026-11-24T10:00:00.000Z';

describe('suggestThanksAfterFulfilment', () => {
  it('suggests a thank-you for a high or critical promise fulfilled in the last seven days', () => {
    const high = fulfilledPromise({ importance: 'high', fulfilledAt: '2026-11-22T15:00:00.000Z' });
    const critical = fulfilledPromise({ importance: 'critical', ordinal: 2 });

    const suggestions = suggestThanksAfterFulfilment(
      ruleInput({ now, fulfilled: [high, critical] }),
    );

    expect(suggestions).toEqual([
      {
        kind: 'thank_you_after_fulfilment',
        dedupeKey: `thanks:${high.promiseId}`,
        promiseId: high.promiseId,
        dueAt: high.fulfilledAt,
        reason: '“Ship the replacement pump” was fulfilled on 2026-11-22: thank them.',
      },
      expect.objectContaining({ dedupeKey: `thanks:${critical.promiseId}` }),
    ]);
  });

  it('does not thank for low or normal promises unless the minimum importance is lowered', () => {
    const normal = fulfilledPromise({ importance: 'normal' });
    const low = fulfilledPromise({ importance: 'low', ordinal: 2 });

    expect(suggestThanksAfterFulfilment(ruleInput({ now, fulfilled: [normal, low] }))).toEqual([]);
    const rules = touchpointRulesSchema.parse({ thanksMinImportance: 'normal' });
    expect(
      suggestThanksAfterFulfilment(ruleInput({ now, rules, fulfilled: [normal, low] })).map(
        (s) => s.promiseId,
      ),
    ).toEqual([normal.promiseId]);
  });

  it('suggests a thank-you up to exactly seven days after the fulfilment, and not a moment later', () => {
    const delivered = fulfilledPromise({ fulfilledAt: '2026-11-17T10:00:00.000Z' });
    const input = (at: string) => ruleInput({ now: at, fulfilled: [delivered] });

    expect(suggestThanksAfterFulfilment(input('2026-11-24T10:00:00.000Z'))).toHaveLength(1);
    expect(suggestThanksAfterFulfilment(input('2026-11-24T10:00:00.001Z'))).toEqual([]);
  });

  it('does not thank for a fulfilment recorded after now', () => {
    const ahead = fulfilledPromise({ fulfilledAt: '2026-11-24T10:00:01.000Z' });
    expect(suggestThanksAfterFulfilment(ruleInput({ now, fulfilled: [ahead] }))).toEqual([]);
  });

  it('leaves a repeat-customer milestone to the repeat-customer thanks', () => {
    const third = fulfilledPromise({ importance: 'critical', ordinal: 3 });
    expect(suggestThanksAfterFulfilment(ruleInput({ now, fulfilled: [third] }))).toEqual([]);
  });

  it('does not thank twice for one promise, nor after a person logged a thank-you for it', () => {
    const delivered = fulfilledPromise();
    const suggested = soFar({
      kind: 'thank_you_after_fulfilment',
      dedupeKey: `thanks:${delivered.promiseId}`,
      promiseId: delivered.promiseId,
      status: 'dismissed',
    });
    const logged = soFar({
      kind: 'thank_you_after_fulfilment',
      dedupeKey: 'logged:7',
      promiseId: delivered.promiseId,
      status: 'done',
      doneAt: '2026-11-23T09:00:00.000Z',
    });

    for (const touchpoint of [suggested, logged]) {
      const input = ruleInput({ now, fulfilled: [delivered], touchpoints: [touchpoint] });
      expect(suggestThanksAfterFulfilment(input)).toEqual([]);
    }
  });
});

describe('suggestRepeatCustomerThanks', () => {
  it('thanks at the 3rd, 10th and 25th fulfilled promise, of any importance', () => {
    const fulfilled = [2, 3, 4, 9, 10, 11, 25].map((ordinal) =>
      fulfilledPromise({ ordinal, importance: 'low' }),
    );

    const suggestions = suggestRepeatCustomerThanks(ruleInput({ now, fulfilled }));

    expect(suggestions.map((s) => s.dedupeKey)).toEqual([
      `repeat_thanks:${accountId}:3`,
      `repeat_thanks:${accountId}:10`,
      `repeat_thanks:${accountId}:25`,
    ]);
    expect(suggestions[1]).toMatchObject({
      kind: 'repeat_customer_thanks',
      promiseId: fulfilled[4]?.promiseId,
      reason:
        'Their 10th fulfilled promise (“Ship the replacement pump”, fulfilled on 2026-11-22): thank them for coming back.',
    });
  });

  it('does not thank for the first promise, which is not a repeat', () => {
    const first = fulfilledPromise({ ordinal: 1, importance: 'low' });
    expect(suggestRepeatCustomerThanks(ruleInput({ now, fulfilled: [first] }))).toEqual([]);
  });

  it('lets late milestones pass: only within the thank-you window', () => {
    const tenth = fulfilledPromise({ ordinal: 10, fulfilledAt: '2026-11-01T10:00:00.000Z' });
    expect(suggestRepeatCustomerThanks(ruleInput({ now, fulfilled: [tenth] }))).toEqual([]);
  });

  it('thanks each milestone once per account', () => {
    const tenth = fulfilledPromise({ ordinal: 10 });
    const taken = soFar({
      kind: 'repeat_customer_thanks',
      dedupeKey: `repeat_thanks:${accountId}:10`,
      status: 'done',
    });
    expect(
      suggestRepeatCustomerThanks(ruleInput({ now, fulfilled: [tenth], touchpoints: [taken] })),
    ).toEqual([]);
  });

  it('follows the configured milestones', () => {
    const rules = touchpointRulesSchema.parse({ repeatMilestones: [2, 5] });
    const fulfilled = [2, 3, 5].map((ordinal) => fulfilledPromise({ ordinal }));
    expect(
      suggestRepeatCustomerThanks(ruleInput({ now, rules, fulfilled })).map((s) => s.dedupeKey),
    ).toEqual([`repeat_thanks:${accountId}:2`, `repeat_thanks:${accountId}:5`]);
  });
});
