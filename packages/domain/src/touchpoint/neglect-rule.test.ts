import { describe, expect, it } from 'vitest';
import { accountStages } from '../account/account.ts';
import { quietSince, suggestNeglectedCheckIn } from './neglect-rule.ts';
import { accountId, ruleInput, soFar, withAccount } from './touchpoint-fixtures.ts';
import { touchpointRulesSchema } from './touchpoint-rules.ts';

// The fixture's account was created on 1 March 2024 and has had no touch since.
const now = '2026-11-24T10:00:00.000Z';

describe('suggestNeglectedCheckIn', () => {
  it('suggests a check-in on an active account quiet for 45 days, due the day the period ran out', () => {
    const lastTouch = '2026-10-01T09:00:00.000Z';
    const suggestions = suggestNeglectedCheckIn(ruleInput({ now, lastPromiseTouchAt: lastTouch }));

    expect(suggestions).toEqual([
      {
        kind: 'neglected_check_in',
        dedupeKey: `check_in:${accountId}:${lastTouch}`,
        promiseId: null,
        dueAt: '2026-11-15T09:00:00.000Z',
        reason: 'No touch for 54 days (since 2026-10-01): check in with them.',
      },
    ]);
  });

  it('waits until exactly 45 days have passed', () => {
    const input = (at: string) =>
      ruleInput({ now: at, lastPromiseTouchAt: '2026-10-01T09:00:00.000Z' });
    expect(suggestNeglectedCheckIn(input('2026-11-15T08:59:59.999Z'))).toEqual([]);
    expect(suggestNeglectedCheckIn(input('2026-11-15T09:00:00.000Z'))).toHaveLength(1);
  });

  it('checks in on onboarding, active and at-risk accounts, never on prospects or churned ones', () => {
    const suggested = accountStages.filter(
      (stage) => suggestNeglectedCheckIn(withAccount({ stage }, { now })).length > 0,
    );
    expect(suggested).toEqual(['onboarding', 'active', 'at_risk']);
  });

  it('counts a touchpoint done, and a promise made or fulfilled, as a touch', () => {
    const recentDone = soFar({
      kind: 'referral',
      status: 'done',
      dedupeKey: 'logged:1',
      doneAt: '2026-11-01T10:00:00.000Z',
    });
    expect(suggestNeglectedCheckIn(ruleInput({ now, touchpoints: [recentDone] }))).toEqual([]);
    expect(
      suggestNeglectedCheckIn(ruleInput({ now, lastPromiseTouchAt: '2026-11-01T10:00:00.000Z' })),
    ).toEqual([]);
  });

  it('does not count a suggestion nobody acted on as a touch', () => {
    const waitingThanks = soFar({
      kind: 'thank_you_after_fulfilment',
      status: 'suggested',
      dedupeKey: 'thanks:p',
      promiseId: 'p',
    });
    expect(suggestNeglectedCheckIn(ruleInput({ now, touchpoints: [waitingThanks] }))).toHaveLength(
      1,
    );
  });

  it('suggests no second check-in while one is waiting', () => {
    const waiting = soFar({ kind: 'neglected_check_in', status: 'suggested' });
    expect(suggestNeglectedCheckIn(ruleInput({ now, touchpoints: [waiting] }))).toEqual([]);
  });

  it('waits a full period again after a check-in is dismissed', () => {
    const dismissed = soFar({
      kind: 'neglected_check_in',
      status: 'dismissed',
      dedupeKey: `check_in:${accountId}:2024-03-01T08:00:00.000Z`,
      dismissedAt: '2026-11-20T10:00:00.000Z',
    });
    const input = (at: string) => ruleInput({ now: at, touchpoints: [dismissed] });

    expect(suggestNeglectedCheckIn(input(now))).toEqual([]);
    expect(suggestNeglectedCheckIn(input('2027-01-04T10:00:00.000Z'))).toEqual([
      expect.objectContaining({
        dedupeKey: `check_in:${accountId}:2026-11-20T10:00:00.000Z`,
        dueAt: '2027-01-04T10:00:00.000Z',
      }),
    ]);
  });

  it('does not nag about an account just added, however old its customer-since date', () => {
    const input = withAccount(
      { customerSince: '2019-05-01', createdAt: '2026-11-10T10:00:00.000Z' },
      { now },
    );
    expect(suggestNeglectedCheckIn(input)).toEqual([]);
  });

  it('follows the configured period', () => {
    const rules = touchpointRulesSchema.parse({ neglectedAfterDays: 90 });
    const lastTouch = '2026-09-01T10:00:00.000Z'; // 84 days before now
    expect(
      suggestNeglectedCheckIn(ruleInput({ now, rules, lastPromiseTouchAt: lastTouch })),
    ).toEqual([]);
    expect(suggestNeglectedCheckIn(ruleInput({ now, lastPromiseTouchAt: lastTouch }))).toHaveLength(
      1,
    );
  });
});

describe('quietSince', () => {
  it('is the latest of creation, customer-since, promise activity, touches done and check-ins dismissed', () => {
    const base = withAccount({ customerSince: '2025-06-01', timeZone: 'Europe/Berlin' }, { now });
    expect(quietSince(base)).toBe('2025-05-31T22:00:00.000Z');
    expect(quietSince({ ...base, lastPromiseTouchAt: '2026-01-02T00:00:00.000Z' })).toBe(
      '2026-01-02T00:00:00.000Z',
    );
    const done = soFar({ status: 'done', dedupeKey: 'a', doneAt: '2026-02-01T00:00:00.000Z' });
    const dismissed = soFar({
      status: 'dismissed',
      dedupeKey: 'b',
      dismissedAt: '2026-03-01T00:00:00.000Z',
    });
    expect(quietSince({ ...base, touchpoints: [done, dismissed] })).toBe(
      '2026-03-01T00:00:00.000Z',
    );
  });

  it('ignores a dismissed thank-you: only a dismissed check-in restarts the count', () => {
    const base = withAccount({ customerSince: null }, { now });
    const dismissedThanks = soFar({
      kind: 'thank_you_after_fulfilment',
      status: 'dismissed',
      dedupeKey: 'thanks:p',
      dismissedAt: '2026-11-20T10:00:00.000Z',
    });
    expect(quietSince({ ...base, touchpoints: [dismissedThanks] })).toBe(base.account.createdAt);
  });
});
