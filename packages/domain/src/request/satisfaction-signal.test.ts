import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANSWERED_AT, domainErrorOf, requestIds } from './request-fixtures.ts';
import {
  normaliseScore,
  recordSatisfactionInputSchema,
  recordSatisfactionSignal,
} from './satisfaction-signal.ts';

const stamp = { signalId: requestIds.request, now: ANSWERED_AT, actorId: requestIds.owner };

function issuesOf(input: Record<string, unknown>): string[][] {
  const result = recordSatisfactionInputSchema.safeParse({
    accountId: requestIds.account,
    source: 'survey',
    ...input,
  });
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('normaliseScore', () => {
  it.each([
    [{ value: 4, min: 1, max: 5 }, 0.75],
    [{ value: 1, min: 1, max: 5 }, 0],
    [{ value: 5, min: 1, max: 5 }, 1],
    [{ value: 9, min: 0, max: 10 }, 0.9],
    [{ value: 0, min: 0, max: 10 }, 0],
  ])('puts %o at %d on the 0..1 scale', (score, normalised) => {
    expect(normaliseScore(score)).toBeCloseTo(normalised, 12);
  });

  it('keeps every score on its scale between 0 and 1, in order', () => {
    const scale = fc
      .tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 100 }))
      .chain(([min, width]) =>
        fc.tuple(
          fc.constant(min),
          fc.constant(min + width),
          fc.integer({ min, max: min + width }),
          fc.integer({ min, max: min + width }),
        ),
      );
    fc.assert(
      fc.property(scale, ([min, max, a, b]) => {
        const low = normaliseScore({ value: Math.min(a, b), min, max });
        const high = normaliseScore({ value: Math.max(a, b), min, max });
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(high);
      }),
    );
  });
});

describe('recordSatisfactionSignal', () => {
  it('keeps the score as given and on the 0..1 scale, with the customer’s words', () => {
    const command = recordSatisfactionInputSchema.parse({
      accountId: requestIds.account,
      score: { value: 9, min: 0, max: 10 },
      words: ' Deliveries have been spot on. ',
      source: 'survey',
      receivedAt: '2026-03-01T12:00:00Z',
    });

    expect(recordSatisfactionSignal(command, stamp)).toEqual({
      id: requestIds.request,
      accountId: requestIds.account,
      score: { value: 9, min: 0, max: 10, normalised: 0.9 },
      words: 'Deliveries have been spot on.',
      source: 'survey',
      receivedAt: '2026-03-01T12:00:00.000Z',
      recordedAt: ANSWERED_AT,
      recordedBy: requestIds.owner,
    });
  });

  it('records the customer’s words alone, received now', () => {
    const command = recordSatisfactionInputSchema.parse({
      accountId: requestIds.account,
      words: 'You always call back when you say you will.',
      source: 'call',
    });

    expect(recordSatisfactionSignal(command, stamp)).toMatchObject({
      score: null,
      receivedAt: ANSWERED_AT,
    });
  });

  it('refuses a signal received in the future', () => {
    const command = recordSatisfactionInputSchema.parse({
      accountId: requestIds.account,
      words: 'Great',
      source: 'email',
      receivedAt: '2026-03-05T00:00:00Z',
    });

    expect(domainErrorOf(() => recordSatisfactionSignal(command, stamp))).toMatchObject({
      code: 'occurred_in_future',
      field: 'receivedAt',
    });
  });
});

describe('recordSatisfactionInputSchema', () => {
  it('needs a score or the customer’s words', () => {
    expect(issuesOf({})).toEqual([
      ['score', 'must be given when the customer’s words are not (a score, their words, or both)'],
    ]);
  });

  it('needs the score on its own scale', () => {
    expect(issuesOf({ score: { value: 6, min: 1, max: 5 } })).toEqual([
      ['score.value', 'must lie between min and max'],
    ]);
    expect(issuesOf({ score: { value: 3, min: 5, max: 5 } })).toEqual([
      ['score.max', 'must be above min'],
    ]);
  });
});
