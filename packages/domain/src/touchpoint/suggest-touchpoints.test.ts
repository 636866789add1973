import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountStages } from '../account/account.ts';
import { importanceLevels } from '../promise/promise-terms.ts';
import { suggestedTouchpoint, suggestTouchpoints } from './suggest-touchpoints.ts';
import type { Touchpoint, TouchpointSoFar, TouchpointStatus } from './touchpoint.ts';
import type { FulfilledPromise, TouchpointRuleInput } from './touchpoint-facts.ts';
import { accountId, fulfilledPromise, ruleInput, withAccount } from './touchpoint-fixtures.ts';

const DAY = 24 * 60 * 60 * 1000;

function asSoFar(touchpoint: Touchpoint): TouchpointSoFar {
  return touchpoint;
}

/** What becomes of each suggestion when a person acts on it at `at`. */
function resolved(touchpoint: Touchpoint, status: TouchpointStatus, at: string): Touchpoint {
  if (status === 'done') return { ...touchpoint, status, doneAt: at };
  if (status === 'dismissed') return { ...touchpoint, status, dismissedAt: at };
  return touchpoint;
}

function stored(input: TouchpointRuleInput, status: TouchpointStatus = 'suggested'): Touchpoint[] {
  return suggestTouchpoints(input).map((suggestion, n) =>
    resolved(
      suggestedTouchpoint(suggestion, {
        touchpointId: `tp-${n}`,
        accountId: input.account.id,
        ownerId: 'owner',
        now: input.now,
      }),
      status,
      input.now,
    ),
  );
}

describe('suggestTouchpoints', () => {
  it('brings every rule’s moments together, soonest first', () => {
    const input = withAccount(
      { customerSince: '2023-11-30', createdAt: '2023-11-30T08:00:00.000Z' },
      {
        now: '2026-11-24T10:00:00.000Z',
        lastPromiseTouchAt: '2026-09-01T10:00:00.000Z',
        fulfilled: [
          fulfilledPromise({ ordinal: 10, importance: 'low', fulfilledAt: '2026-11-23T10:00:00Z' }),
          fulfilledPromise({ ordinal: 9, importance: 'high', fulfilledAt: '2026-11-20T10:00:00Z' }),
        ],
      },
    );

    expect(suggestTouchpoints(input).map((s) => [s.kind, s.dueAt])).toEqual([
      ['neglected_check_in', '2026-10-16T10:00:00.000Z'],
      ['thank_you_after_fulfilment', '2026-11-20T10:00:00Z'],
      ['repeat_customer_thanks', '2026-11-23T10:00:00Z'],
      ['anniversary', '2026-11-29T23:00:00.000Z'],
    ]);
  });

  it('makes a suggestion into a touchpoint waiting for the owner at version 1', () => {
    const [suggestion] = suggestTouchpoints(ruleInput());
    if (suggestion === undefined) throw new Error('expected a check-in for a quiet account');

    const touchpoint = suggestedTouchpoint(suggestion, {
      touchpointId: 'tp-1',
      accountId,
      ownerId: 'owner-1',
      now: '2026-11-24T10:00:00.000Z',
    });

    expect(touchpoint).toMatchObject({
      id: 'tp-1',
      accountId,
      ownerId: 'owner-1',
      kind: 'neglected_check_in',
      origin: 'rule',
      status: 'suggested',
      dedupeKey: suggestion.dedupeKey,
      reason: suggestion.reason,
      note: null,
      doneAt: null,
      version: 1,
    });
  });

  it('suggests each year’s anniversary exactly once when run every day for six years', () => {
    const touchpoints: Touchpoint[] = [];
    const start = Date.parse('2024-01-01T09:00:00.000Z');
    for (let day = 0; day < 6 * 366; day += 1) {
      const now = new Date(start + day * DAY).toISOString();
      const input = withAccount(
        { customerSince: '2024-02-29', timeZone: 'UTC' },
        { now, touchpoints, lastPromiseTouchAt: now },
      );
      touchpoints.push(...stored(input));
    }

    expect(touchpoints.map((t) => [t.dedupeKey, t.dueAt])).toEqual([
      [`anniversary:${accountId}:2025`, '2025-02-28T00:00:00.000Z'],
      [`anniversary:${accountId}:2026`, '2026-02-28T00:00:00.000Z'],
      [`anniversary:${accountId}:2027`, '2027-02-28T00:00:00.000Z'],
      [`anniversary:${accountId}:2028`, '2028-02-29T00:00:00.000Z'],
      [`anniversary:${accountId}:2029`, '2029-02-28T00:00:00.000Z'],
    ]);
    // Each was first suggested seven days ahead of its day.
    expect(touchpoints.map((t) => t.createdAt.slice(0, 10))).toEqual([
      '2025-02-21',
      '2026-02-21',
      '2027-02-21',
      '2028-02-22',
      '2029-02-21',
    ]);
  });

  const inputArb: fc.Arbitrary<TouchpointRuleInput> = fc
    .record({
      stage: fc.constantFrom(...accountStages),
      customerSince: fc.option(
        fc.date({ min: new Date('2015-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }),
      ),
      timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'Pacific/Auckland', 'America/New_York'),
      now: fc.date({
        min: new Date('2024-01-01'),
        max: new Date('2030-01-01'),
        noInvalidDate: true,
      }),
      lastTouchDaysAgo: fc.option(fc.integer({ min: 0, max: 400 })),
      // Each fulfilled promise has its own ordinal: the how-many-th it was.
      fulfilled: fc.uniqueArray(
        fc.record({
          daysAgo: fc.integer({ min: 0, max: 20 }),
          importance: fc.constantFrom(...importanceLevels),
          ordinal: fc.integer({ min: 1, max: 30 }),
        }),
        { maxLength: 8, selector: (f) => f.ordinal },
      ),
    })
    .map((drawn) => {
      const nowMs = drawn.now.getTime();
      const fulfilled: FulfilledPromise[] = drawn.fulfilled.map((f, n) => ({
        promiseId: `p-${n}`,
        title: `Promise ${n}`,
        importance: f.importance,
        fulfilledAt: new Date(nowMs - f.daysAgo * DAY).toISOString(),
        ordinal: f.ordinal,
      }));
      return withAccount(
        {
          stage: drawn.stage,
          timeZone: drawn.timeZone,
          customerSince: drawn.customerSince?.toISOString().slice(0, 10) ?? null,
          createdAt: '2014-06-01T00:00:00.000Z',
        },
        {
          now: drawn.now.toISOString(),
          fulfilled,
          lastPromiseTouchAt:
            drawn.lastTouchDaysAgo === null
              ? null
              : new Date(nowMs - drawn.lastTouchDaysAgo * DAY).toISOString(),
        },
      );
    });

  it('never suggests one moment twice in a run: every dedupe key is unique', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const keys = suggestTouchpoints(input).map((s) => s.dedupeKey);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });

  it('suggests nothing more when run again, whatever became of the first run’s suggestions', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.constantFrom<TouchpointStatus>('suggested', 'done', 'dismissed'),
        (input, status) => {
          const first = stored(input, status).map(asSoFar);
          expect(suggestTouchpoints({ ...input, touchpoints: first })).toEqual([]);
        },
      ),
    );
  });
});
