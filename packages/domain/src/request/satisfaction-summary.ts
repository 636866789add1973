import { z } from 'zod';
import { type Instant, idSchema } from '../shared/instant.ts';
import type { SatisfactionSignal } from './satisfaction-signal.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** Which account, over how many days back from now. */
export const satisfactionSummaryInputSchema = z.object({
  accountId: idSchema,
  windowDays: z
    .int({ error: 'must be a whole number of days' })
    .min(1, 'must be at least 1')
    .max(3650, 'must be at most 3650')
    .default(90),
});
export type SatisfactionSummaryInput = z.input<typeof satisfactionSummaryInputSchema>;

/** The window a summary looks at: the `days` (of 24 hours) up to and including now. */
export function satisfactionWindow(now: Instant, days: number): { from: Instant; to: Instant } {
  return { from: new Date(Date.parse(now) - days * dayMs).toISOString(), to: now };
}

/** Counts and sums over an account's signals in the window (the store adds them up). */
export interface SatisfactionTally {
  signals: number;
  /** Signals with a score. */
  scored: number;
  /** Σ of their normalised (0..1) scores. */
  normalisedSum: number;
}

/** How satisfied an account is, as its signals say, with the parts of every number. */
export interface SatisfactionSummary {
  accountId: string;
  window: { from: Instant; to: Instant };
  signals: number;
  scored: number;
  /** The mean normalised score in the window: Σ normalised ÷ scored; null without scores. */
  meanScore: number | null;
  /** The most recent signal up to the window's end, scored or not, in the window or before it. */
  latest: SatisfactionSignal | null;
  /** The most recent signal with a score, likewise. */
  latestScored: SatisfactionSignal | null;
}

/**
 * An account's satisfaction at a glance: the latest signal (and latest score), and the mean
 * normalised score over the window — e.g. scores 0.75 and 0.9 in the last 90 days → mean 0.825.
 */
export function summariseSatisfaction(parts: {
  accountId: string;
  window: { from: Instant; to: Instant };
  tally: SatisfactionTally;
  latest: SatisfactionSignal | null;
  latestScored: SatisfactionSignal | null;
}): SatisfactionSummary {
  const { tally } = parts;
  return {
    accountId: parts.accountId,
    window: parts.window,
    signals: tally.signals,
    scored: tally.scored,
    meanScore: tally.scored === 0 ? null : tally.normalisedSum / tally.scored,
    latest: parts.latest,
    latestScored: parts.latestScored,
  };
}
