import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterFailedAttempt,
  defaultWebhookRetryPolicy,
  webhookRetryWaitMs,
} from './webhook-retry.ts';

const failedAt = '2026-11-24T10:00:00.000Z';
const policy = defaultWebhookRetryPolicy;

function waitAfter(attempts: number, jitter = 0.5): number {
  const next = afterFailedAttempt({ attempts, failedAt, jitter, policy });
  if (next.status !== 'pending') throw new Error(`attempt ${attempts} was the last`);
  return Date.parse(next.nextAttemptAt) - Date.parse(failedAt);
}

describe('retrying a failed webhook delivery', () => {
  it('waits 5 s, 30 s, 2 min, 10 min, 1 h, 3 h, 6 h, 12 h after successive failures', () => {
    const minutes = [1, 2, 3, 4, 5, 6, 7, 8].map((attempts) => waitAfter(attempts) / 60_000);
    expect(minutes).toEqual([5 / 60, 0.5, 2, 10, 60, 180, 360, 720]);
  });

  it('is dead after the ninth failed attempt', () => {
    expect(afterFailedAttempt({ attempts: 9, failedAt, jitter: 0.5, policy })).toEqual({
      status: 'dead',
    });
    expect(afterFailedAttempt({ attempts: 8, failedAt, jitter: 0.5, policy }).status).toBe(
      'pending',
    );
  });

  it('jitter moves a wait by at most 10% either way', () => {
    expect(waitAfter(2, 0)).toBe(27_000);
    expect(waitAfter(2, 0.999_999)).toBeCloseTo(33_000, -1);
  });

  it('a smaller base scales every wait (how tests run the schedule fast)', () => {
    const fast = { baseMs: 10, maxAttempts: 3 };
    expect([1, 2].map((attempts) => webhookRetryWaitMs(attempts, fast))).toEqual([10, 60]);
    expect(afterFailedAttempt({ attempts: 3, failedAt, jitter: 0, policy: fast }).status).toBe(
      'dead',
    );
  });

  it('never waits less after a later failure, whatever the jitter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempts, jitterNow, jitterLater) => {
          expect(waitAfter(attempts + 1, jitterLater)).toBeGreaterThanOrEqual(
            waitAfter(attempts, jitterNow),
          );
        },
      ),
    );
  });
});
