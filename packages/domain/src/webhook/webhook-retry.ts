import { type Instant, instantMs } from '../shared/instant.ts';

/**
 * How deliveries are retried: `baseMs` is the first wait after a failure (5 s), later waits are
 * fixed multiples of it; after `maxAttempts` failed attempts a delivery is dead (a dead letter,
 * kept for someone to look at and redeliver).
 */
export interface WebhookRetryPolicy {
  baseMs: number;
  maxAttempts: number;
}

/** 5 s, 30 s, 2 min, 10 min, 1 h, 3 h, 6 h, 12 h: nine attempts over about 22 hours. */
export const defaultWebhookRetryPolicy: WebhookRetryPolicy = { baseMs: 5_000, maxAttempts: 9 };

/** Each wait as a multiple of the base: ×1, ×6, ×24, ×120, ×720, ×2160, ×4320, ×8640. */
const waitMultiples = [1, 6, 24, 120, 720, 2160, 4320, 8640] as const;

/** How far a wait may stray either way, so many failed deliveries do not all retry at once. */
const jitterSpread = 0.1;

/**
 * The wait after the `attempts`-th failed attempt, before jitter: baseMs × the step's multiple
 * (the last multiple repeats when a policy allows more attempts than there are steps).
 */
export function webhookRetryWaitMs(attempts: number, policy: WebhookRetryPolicy): number {
  const step = Math.min(Math.max(attempts, 1), waitMultiples.length) - 1;
  // `step` is clamped to the list's indexes; 8640 only satisfies the type checker.
  return policy.baseMs * (waitMultiples[step] ?? 8640);
}

/**
 * What follows a failed attempt (the `attempts`-th): another attempt after the wait, stretched or
 * shrunk by up to 10% by `jitter` (a number in [0, 1), passed in), or, once `maxAttempts` have
 * failed, dead.
 */
export function afterFailedAttempt(options: {
  attempts: number;
  failedAt: Instant;
  jitter: number;
  policy: WebhookRetryPolicy;
}): { status: 'pending'; nextAttemptAt: Instant } | { status: 'dead' } {
  const { attempts, failedAt, jitter, policy } = options;
  if (attempts >= policy.maxAttempts) return { status: 'dead' };
  const factor = 1 + jitterSpread * (2 * Math.min(Math.max(jitter, 0), 1) - 1);
  const waitMs = Math.round(webhookRetryWaitMs(attempts, policy) * factor);
  return { status: 'pending', nextAttemptAt: new Date(instantMs(failedAt) + waitMs).toISOString() };
}
