import { describe, expect, it } from 'vitest';
import { requestIds } from './request-fixtures.ts';
import type { SatisfactionSignal } from './satisfaction-signal.ts';
import { satisfactionWindow, summariseSatisfaction } from './satisfaction-summary.ts';

const now = '2026-03-31T12:00:00.000Z';
const window = satisfactionWindow(now, 90);

const words: SatisfactionSignal = {
  id: requestIds.request,
  accountId: requestIds.account,
  score: null,
  words: 'Thanks for the quick fix.',
  source: 'email',
  receivedAt: '2026-03-30T09:00:00.000Z',
  recordedAt: '2026-03-30T09:00:00.000Z',
  recordedBy: null,
};

describe('satisfactionWindow', () => {
  it('looks back the given number of days from now', () => {
    expect(window).toEqual({ from: '2025-12-31T12:00:00.000Z', to: now });
  });
});

describe('summariseSatisfaction', () => {
  it('means the normalised scores in the window: Σ ÷ count', () => {
    const summary = summariseSatisfaction({
      accountId: requestIds.account,
      window,
      tally: { signals: 3, scored: 2, normalisedSum: 0.75 + 0.9 },
      latest: words,
      latestScored: null,
    });

    expect(summary).toMatchObject({ signals: 3, scored: 2, latest: words });
    expect(summary.meanScore).toBeCloseTo(0.825, 12);
  });

  it('has no mean without scores, rather than a made-up one', () => {
    const summary = summariseSatisfaction({
      accountId: requestIds.account,
      window,
      tally: { signals: 1, scored: 0, normalisedSum: 0 },
      latest: words,
      latestScored: null,
    });

    expect(summary.meanScore).toBeNull();
  });
});
