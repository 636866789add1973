import {
  findAccountsByIds,
  listClockStarts,
  listForecastsMadeIn,
  listPromiseResolutions,
} from '@steadfast/db';
import {
  auditForecasts,
  businessMinutesBetween,
  DomainError,
  instantSchema,
  type ResolutionFacts,
} from '@steadfast/domain';
import { z } from 'zod';
import { accountCalendar, loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { createRouter, publicProcedure } from '../trpc.ts';

const MAX_PERIOD_MS = 3 * 366 * 86_400_000;

export const forecastRouter = createRouter({
  /**
   * How well Steadfast's own forecasts held over the forecasts made in [from, to): interval
   * coverage against the nominal 50/80/90/95% with binomial bands (drift flagged, with the kinds
   * it comes from), and the Brier score of its risk probabilities beside naive baselines.
   */
  audit: publicProcedure
    .input(
      z
        .object({ from: instantSchema, to: instantSchema })
        .refine((period) => Date.parse(period.from) < Date.parse(period.to), {
          path: ['to'],
          error: 'must be after from',
        }),
    )
    .query(async ({ ctx, input }) => {
      if (Date.parse(input.to) - Date.parse(input.from) > MAX_PERIOD_MS) {
        throw new DomainError({
          code: 'period_too_long',
          kind: 'invalid',
          field: 'to',
          message: 'must be at most three years after from',
        });
      }
      const now = ctx.now();
      const { settings } = await loadAnalyticsSettings(ctx.db);
      const forecasts = await listForecastsMadeIn(ctx.db, input);
      const promiseIds = [
        ...forecasts.calibration.flatMap((f) => (f.promiseId === null ? [] : [f.promiseId])),
        ...forecasts.risk.map((f) => f.promiseId),
      ];
      const resolved = await listPromiseResolutions(ctx.db, promiseIds);
      const known = new Set(resolved.map((facts) => facts.promiseId));
      // Promises still running: judged as of now, by how far their clock has run.
      const running = (await listClockStarts(ctx.db, promiseIds)).filter((p) => !known.has(p.id));
      const accounts = new Map(
        (await findAccountsByIds(ctx.db, [...new Set(running.map((p) => p.accountId))])).map(
          (a) => [a.id, a],
        ),
      );
      const openFacts: ResolutionFacts[] = running.map((promise) => {
        const account = accounts.get(promise.accountId);
        const calendar =
          account === undefined ? settings.companyCalendar : accountCalendar(account, settings);
        return {
          promiseId: promise.id,
          asOf: now,
          status: 'open',
          fulfilledAt: null,
          fulfilledMinutes: null,
          closedAt: null,
          closedMinutes: null,
          clockMinutes:
            promise.clockStartedAt === null
              ? null
              : Math.max(0, businessMinutesBetween(calendar, promise.clockStartedAt, now)),
        };
      });
      return auditForecasts({
        period: input,
        calibrationForecasts: forecasts.calibration,
        riskForecasts: forecasts.risk,
        facts: [...resolved, ...openFacts],
        settings: settings.forecastAudit,
      });
    }),
});
