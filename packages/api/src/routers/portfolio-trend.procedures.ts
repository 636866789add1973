import {
  companyScope,
  findTrustEvidence,
  listTrustContributionDaysAfter,
  listTrustHistory,
  type TrustScopeRef,
} from '@steadfast/db';
import {
  emptyEvidence,
  endOfDay,
  evidenceAnchor,
  evidenceWithout,
  idSchema,
  trendDays,
} from '@steadfast/domain';
import { z } from 'zod';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
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
   * window); a month-end before snapshots began is reconstructed from today's evidence less the
   * contributions of promises closed after it, read as one sum per day of closing
   * (trust_contribution_days): at most one row per day since the earliest missing month-end.
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
    const stored = (await findTrustEvidence(ctx.db, scope)) ?? {
      ...emptyEvidence(),
      asOf: evidenceAnchor,
    };
    const snapshots = new Map(
      (await listTrustHistory(ctx.db, scope, { fromDay: days[0] ?? today, toDay: today })).map(
        (point) => [point.day, point],
      ),
    );
    const missing = days.slice(0, -1).filter((day) => !snapshots.has(day));
    // Closed after the end of a day ⇔ closed on a later UTC day.
    const closingDays =
      missing.length === 0
        ? []
        : await listTrustContributionDaysAfter(ctx.db, scope, missing[0] ?? today);
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
      if (snapshot !== undefined) return { ...snapshot, source: 'snapshot' as const };
      const at = endOfDay(day);
      const later = closingDays.filter((closing) => closing.day > day);
      const evidence = evidenceWithout(
        stored,
        later.map((closing) => closing.evidence),
      );
      const score = scoreOf(evidence, { prior, settings, now: at });
      return {
        day,
        score: score.score,
        low: score.interval.low,
        high: score.interval.high,
        source: 'reconstructed' as const,
      };
    });
    return { scope: input.scope, id: input.id ?? null, points };
  }),
};
