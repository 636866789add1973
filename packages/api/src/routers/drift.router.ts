import { findAccount, listRecentFulfilments } from '@steadfast/db';
import { detectExpectationDrift, idSchema, notFound, promiseKinds } from '@steadfast/domain';
import { z } from 'zod';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { createRouter, publicProcedure } from '../trpc.ts';

export const driftRouter = createRouter({
  /**
   * Expectation drift for an account: per kind of promise (or one kind), whether delivery has run
   * so far ahead of the promise that the customer now expects the faster pace.
   */
  forAccount: publicProcedure
    .input(z.object({ accountId: idSchema, kind: z.enum(promiseKinds).optional() }))
    .query(async ({ ctx, input }) => {
      const account = await findAccount(ctx.db, input.accountId);
      if (account === undefined) throw notFound('account', input.accountId, 'accountId');
      const { settings } = await loadAnalyticsSettings(ctx.db);
      const kinds = input.kind === undefined ? promiseKinds : [input.kind];
      return Promise.all(
        kinds.map(async (kind) => {
          const fulfilled = await listRecentFulfilments(ctx.db, {
            accountId: account.id,
            kind,
            limit: settings.drift.window,
          });
          const drift = detectExpectationDrift({
            accountName: account.name,
            kind,
            fulfilled,
            settings: settings.drift,
          });
          return { kind, ...drift };
        }),
      );
    }),
});
