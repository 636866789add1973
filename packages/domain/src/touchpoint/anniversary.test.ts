import { describe, expect, it } from 'vitest';
import { anniversaryDate, suggestAnniversary } from './anniversary.ts';
import { accountId, soFar, withAccount } from './touchpoint-fixtures.ts';
import { touchpointRulesSchema } from './touchpoint-rules.ts';

const at = (now: string) => ({ now });

describe('anniversaryDate', () => {
  it('celebrates a customer since 29 February on 28 February in a year without one', () => {
    const since = { year: 2024, month: 2, day: 29 };
    expect(anniversaryDate(since, 2025)).toEqual({ year: 2025, month: 2, day: 28 });
    expect(anniversaryDate(since, 2027)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(anniversaryDate(since, 2100)).toEqual({ year: 2100, month: 2, day: 28 });
  });

  it('celebrates a customer since 29 February on 29 February in a leap year', () => {
    const since = { year: 2024, month: 2, day: 29 };
    expect(anniversaryDate(since, 2028)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(anniversaryDate(since, 2000)).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it('keeps 28 February and 1 March where they are when a leap year comes round', () => {
    expect(anniversaryDate({ year: 2023, month: 2, day: 28 }, 2024)).toEqual({
      year: 2024,
      month: 2,
      day: 28,
    });
    expect(anniversaryDate({ year: 2023, month: 3, day: 1 }, 2024)).toEqual({
      year: 2024,
      month: 3,
      day: 1,
    });
  });
});

describe('suggestAnniversary', () => {
  it('suggests the first anniversary as year 1, one year after the customer-since date', () => {
    const [suggestion, ...rest] = suggestAnniversary(
      withAccount({ customerSince: '2025-11-24' }, at('2026-11-24T10:00:00Z')),
    );

    expect(rest).toEqual([]);
    expect(suggestion).toEqual({
      kind: 'anniversary',
      dedupeKey: `anniversary:${accountId}:2026`,
      promiseId: null,
      dueAt: '2026-11-23T23:00:00.000Z',
      reason: '1st anniversary as a customer on 2026-11-24 (customer since 2025-11-24).',
    });
  });

  it('never suggests a year-0 anniversary on the customer-since date itself', () => {
    const input = withAccount({ customerSince: '2026-11-24' }, at('2026-11-24T10:00:00Z'));
    expect(suggestAnniversary(input)).toEqual([]);
  });

  it('suggests a customer since 29 February 2024 on 28 February 2025, and again on 29 February 2028', () => {
    const since = { customerSince: '2024-02-29', timeZone: 'UTC' };

    const first = suggestAnniversary(withAccount(since, at('2025-02-28T09:00:00Z')));
    expect(first.map((s) => [s.dedupeKey, s.dueAt, s.reason])).toEqual([
      [
        `anniversary:${accountId}:2025`,
        '2025-02-28T00:00:00.000Z',
        '1st anniversary as a customer on 2025-02-28 (customer since 2024-02-29).',
      ],
    ]);
    const fourth = suggestAnniversary(withAccount(since, at('2028-02-29T09:00:00Z')));
    expect(fourth.map((s) => [s.dedupeKey, s.dueAt])).toEqual([
      [`anniversary:${accountId}:2028`, '2028-02-29T00:00:00.000Z'],
    ]);
    expect(fourth[0]?.reason).toMatch(/^4th anniversary as a customer on 2028-02-29/);
  });

  it('opens the 29 February customer’s window counting from 28 February in a common year', () => {
    const rules = touchpointRulesSchema.parse({ anniversaryLeadDays: 0, anniversaryGraceDays: 0 });
    const since = { customerSince: '2024-02-29', timeZone: 'UTC' };

    expect(suggestAnniversary(withAccount(since, { now: '2027-02-27T12:00:00Z', rules }))).toEqual(
      [],
    );
    expect(
      suggestAnniversary(withAccount(since, { now: '2027-02-28T12:00:00Z', rules })),
    ).toHaveLength(1);
    expect(suggestAnniversary(withAccount(since, { now: '2027-03-01T12:00:00Z', rules }))).toEqual(
      [],
    );
  });

  it('suggests a customer since 28 February 2023 on 28 February in the leap year 2024, not the 29th', () => {
    const rules = touchpointRulesSchema.parse({ anniversaryLeadDays: 0, anniversaryGraceDays: 0 });
    const since = { customerSince: '2023-02-28', timeZone: 'UTC' };

    expect(
      suggestAnniversary(withAccount(since, { now: '2024-02-28T12:00:00Z', rules })),
    ).toHaveLength(1);
    expect(suggestAnniversary(withAccount(since, { now: '2024-02-29T12:00:00Z', rules }))).toEqual(
      [],
    );
  });

  it('suggests a customer since 1 March 2023 on 1 March in the leap year 2024', () => {
    const rules = touchpointRulesSchema.parse({ anniversaryLeadDays: 0, anniversaryGraceDays: 0 });
    const since = { customerSince: '2023-03-01', timeZone: 'UTC' };

    expect(suggestAnniversary(withAccount(since, { now: '2024-02-29T12:00:00Z', rules }))).toEqual(
      [],
    );
    expect(
      suggestAnniversary(withAccount(since, { now: '2024-03-01T12:00:00Z', rules })),
    ).toHaveLength(1);
  });

  it('suggests from seven days before until fourteen days after by default, and not outside', () => {
    // Customer since 1 March 2024 (Berlin): the 3rd anniversary is Monday 1 March 2027.
    const due = (now: string) => suggestAnniversary(withAccount({}, at(now))).length;

    expect(due('2027-02-21T22:59:00Z')).toBe(0); // 21 Feb, 23:59 Berlin: eight days before
    expect(due('2027-02-21T23:00:00Z')).toBe(1); // 22 Feb, 00:00 Berlin: seven days before
    expect(due('2027-03-15T22:59:00Z')).toBe(1); // 15 Mar, 23:59 Berlin: fourteen days after
    expect(due('2027-03-15T23:00:00Z')).toBe(0); // 16 Mar, 00:00 Berlin: fifteen days after
  });

  it('reads the dates in the account’s own time zone', () => {
    // 23 November 2026 23:30 UTC is already the 24th in Auckland, still the 23rd in UTC.
    const rules = touchpointRulesSchema.parse({ anniversaryLeadDays: 0, anniversaryGraceDays: 0 });
    const now = '2026-11-23T23:30:00Z';

    const auckland = withAccount(
      { customerSince: '2025-11-24', timeZone: 'Pacific/Auckland' },
      { now, rules },
    );
    expect(suggestAnniversary(auckland).map((s) => s.dueAt)).toEqual(['2026-11-23T11:00:00.000Z']);
    const utc = withAccount({ customerSince: '2025-11-24', timeZone: 'UTC' }, { now, rules });
    expect(suggestAnniversary(utc)).toEqual([]);
  });

  it('names next year’s anniversary in late December, and last year’s in early January', () => {
    const early = suggestAnniversary(
      withAccount({ customerSince: '2025-01-03', timeZone: 'UTC' }, at('2026-12-30T12:00:00Z')),
    );
    expect(early.map((s) => s.dedupeKey)).toEqual([`anniversary:${accountId}:2027`]);
    expect(early[0]?.reason).toMatch(/^2nd anniversary/);

    const late = suggestAnniversary(
      withAccount({ customerSince: '2024-12-28', timeZone: 'UTC' }, at('2026-01-05T12:00:00Z')),
    );
    expect(late.map((s) => s.dedupeKey)).toEqual([`anniversary:${accountId}:2025`]);
    expect(late[0]?.reason).toMatch(/^1st anniversary as a customer on 2025-12-28/);
  });

  it('does not suggest an anniversary to a prospect, a churned account or one without a date', () => {
    const now = at('2027-03-01T10:00:00Z');
    expect(suggestAnniversary(withAccount({ stage: 'prospect' }, now))).toEqual([]);
    expect(suggestAnniversary(withAccount({ stage: 'churned' }, now))).toEqual([]);
    expect(suggestAnniversary(withAccount({ customerSince: null }, now))).toEqual([]);
    expect(suggestAnniversary(withAccount({ stage: 'onboarding' }, now))).toHaveLength(1);
    expect(suggestAnniversary(withAccount({ stage: 'at_risk' }, now))).toHaveLength(1);
  });

  it('does not suggest the same year’s anniversary twice, whatever became of the first', () => {
    const now = at('2027-03-01T10:00:00Z');
    for (const status of ['suggested', 'done', 'dismissed'] as const) {
      const taken = soFar({
        kind: 'anniversary',
        status,
        dedupeKey: `anniversary:${accountId}:2027`,
      });
      expect(suggestAnniversary(withAccount({}, { ...now, touchpoints: [taken] }))).toEqual([]);
    }
    const lastYear = soFar({
      kind: 'anniversary',
      status: 'done',
      dedupeKey: `anniversary:${accountId}:2026`,
      doneAt: '2026-03-01T10:00:00Z',
    });
    expect(suggestAnniversary(withAccount({}, { ...now, touchpoints: [lastYear] }))).toHaveLength(
      1,
    );
  });

  it('does not suggest an anniversary someone already logged as done inside its window', () => {
    const logged = soFar({
      kind: 'anniversary',
      status: 'done',
      dedupeKey: 'logged:1',
      doneAt: '2027-02-26T16:00:00Z',
    });
    const input = withAccount({}, { now: '2027-03-01T10:00:00Z', touchpoints: [logged] });
    expect(suggestAnniversary(input)).toEqual([]);
  });
});
