import { tallyKindOutcomes, type Window } from '@steadfast/db';
import { type Instant, promiseKinds, rankKindsBySlip } from '@steadfast/domain';
import { z } from 'zod';
import { createRouter, publicProcedure } from '../trpc.ts';
import { portfolioAttentionProcedures } from './portfolio-attention.procedures.ts';
import { portfolioServiceGapProcedures } from './portfolio-service-gaps.procedures.ts';
import { portfolioTrendProcedures } from './portfolio-trend.procedures.ts';

const DAY_MS = 86_400_000;

const windowInput = (defaultDays: number) =>
  z
    .object({
      days: z
        .int('must be a whole number of days')
        .min(7, 'must be at least 7 days')
        .max(730, 'must be at most 730 days')
        .default(defaultDays),
    })
    .default({ days: defaultDays });

/** The last `days` whole UTC days up to and including today's: [its first midnight, tomorrow's). */
function wholeDaysUpTo(now: Instant, days: number): Window {
  const tomorrow = Date.parse(`${now.slice(0, 10)}T00:00:00.000Z`) + DAY_MS;
  return {
    from: new Date(tomorrow - days * DAY_MS).toISOString(),
    to: new Date(tomorrow).toISOString(),
  };
}

export const portfolioRouter = createRouter({
  ...portfolioTrendProcedures,
  ...portfolioAttentionProcedures,
  ...portfolioServiceGapProcedures,

  /**
   * Which promise kinds slip over the last `days` (default 365) whole UTC days, today included:
   * per kind kept on time, kept after renegotiation, late, missed, and the share of slips
   * announced first; most slipping first. Whole days, because the daily tallies answer them alone:
   * a window starting at this very instant a year ago would also count the closings of that
   * day's remaining hours one by one (hundreds a day at a big company).
   */
  kindSlips: publicProcedure.input(windowInput(365)).query(async ({ ctx, input }) => {
    const window = wholeDaysUpTo(ctx.now(), input.days);
    const tallies = await tallyKindOutcomes(ctx.db, window);
    const byKind = new Map(tallies.map((tally) => [tally.kind, tally]));
    const every = promiseKinds.map(
      (kind) =>
        byKind.get(kind) ?? {
          kind,
          keptOnTime: 0,
          keptRenegotiated: 0,
          late: 0,
          missed: 0,
          announcedSlips: 0,
        },
    );
    return { window, kinds: rankKindsBySlip(every) };
  }),
});
