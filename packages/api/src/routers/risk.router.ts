import { idSchema } from '@steadfast/domain';
import { z } from 'zod';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { reviewOpenPromise } from '../analytics/promise-risk-review.ts';
import { integrationRoutes } from '../openapi/integration-routes.ts';
import { riskReviewOutput } from '../openapi/risk.schemas.ts';
import { createRouter, publicProcedure } from '../trpc.ts';

export const riskRouter = createRouter({
  /**
   * Is this open promise at risk? The chance of keeping it by its due given the time elapsed, from
   * the record, and when at risk a drafted customer notice with alternatives, an apology and a
   * realistic new date.
   */
  review: publicProcedure
    .meta(integrationRoutes['risk.review'])
    .input(z.object({ id: idSchema }))
    .output(riskReviewOutput)
    .query(async ({ ctx, input }) => {
      const { settings } = await loadAnalyticsSettings(ctx.db);
      const { review } = await reviewOpenPromise({
        db: ctx.db,
        promiseId: input.id,
        settings,
        now: ctx.now(),
      });
      return review;
    }),
});
