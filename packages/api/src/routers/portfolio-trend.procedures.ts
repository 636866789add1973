import {
  companyScope,
  findTrustEvidence,
  listTrustHistory,
  type TrustScopeRef,
} from '@steadfast/db';
import { idSchema, trendDays } from '@steadfast/domain';
import { z } from 'zod';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { reconstructDayEndScores } from '../analytics/trust-month-ends.ts';
import { companyPrior, scoreOf, startingReliability } from '../analytics/trust-scores.ts';
import { publicProcedure } from '../trpc.ts';

const trendInput = z
  .object({
    scope: z.enum(['company', 'team', 'manager', 'account']).default('company'),
    id: idSchema.optional(),
    months: z
      .int('must be a whole number of months')
      .min(2, 'must be at least 2')
      .max(24, 'must be at most 24')
      .default(12),
  })
  .refine((input) => input.scope === 'company' || input.id !== undefined, {
    path: ['id'],
    error: 'is required for a team, a manager or an account',
  })
  .default({ scope: 'company', months: 12 });

export const portfolioTrendProcedures = {
  /**
   * A scope's trust at the end of each of the last `months` months (default 12) and today, with
   * its interval. Reads the daily snapshots (trust_history: at most one row per day of the
   * window), including the month-ends before snapshots began that the worker has reconstructed
   * and kept; any month-end still missing is reconstructed here, from today's evidence less the
   * contributions of promises closed after it (one sum per day of closing).
   */
  trend: publicProcedure.input(trendInput).query(async ({ ctx, input }) => {
    const now = ctx.now();
    const scope: TrustScopeRef =
      input.scope === 'company' ? companyScope : { type: input.scope, id: input.id ?? '' };
    const days = trendDays(now, input.months);
    const today = days[days.length - 1] ?? now.slice(0, 10);
    const { settings } = await loadAnalyticsSettings(ctx.db);
    const prior =
      input.scope === 'company'
        ? { typicalReliability: startingReliability }
        : await companyPrior(ctx.db, settings, now);
    const snapshots = new Map(
      (await listTrustHistory(ctx.db, scope, { fromDay: days[0] ?? today, toDay: today })).map(
        (point) => [point.day, point],
      ),
    );
    const missing = days.slice(0, -1).filter((day) => !snapshots.has(day));
    const reconstructed = new Map(
      (await reconstructDayEndScores({ db: ctx.db, scope, days: missing, prior, settings })).map(
        (point) => [point.day, point],
      ),
    );
    const stored = await findTrustEvidence(ctx.db, scope);
    const points = days.map((day) => {
      if (day === today) {
        const score = scoreOf(stored, { prior, settings, now });
        return {
          day,
          score: score.score,
          low: score.interval.low,
          high: score.interval.high,
          source: 'live' as const,
        };
      }
      const snapshot = snapshots.get(day);
      if (snapshot !== undefined) {
        const { reconstructed: afterwards, ...point } = snapshot;
        return {
          ...point,
          source: afterwards ? ('reconstructed' as const) : ('snapshot' as const),
        };
      }
      const point = reconstructed.get(day);
      if (point === undefined) throw new Error(`No score reconstructed for ${day}`);
      return { ...point, source: 'reconstructed' as const };
    });
    return { scope: input.scope, id: input.id ?? null, points };
  }),
};
