import { inTransaction, writeSetting } from '@steadfast/db';
import { type AnalyticsSettings, analyticsSettingsSchema } from '@steadfast/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { analyticsSettingsKey, loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { enqueueTrustRebuild } from '../background/rebuild-trust.job.ts';
import { adminProcedure, createRouter, publicProcedure } from '../trpc.ts';

/** A section's fields as given: whatever is left out keeps its current value. */
const sectionPatch = z.record(z.string(), z.unknown());

function merge(current: unknown, patch: unknown): unknown {
  if (typeof current !== 'object' || current === null || Array.isArray(current)) return patch;
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const merged: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) merged[key] = merge(merged[key], value);
  return merged;
}

export const settingsRouter = createRouter({
  /** The company's analytics settings (calibration, risk, drift, trust) and their version. */
  analytics: publicProcedure.query(({ ctx }) => loadAnalyticsSettings(ctx.db)),

  /**
   * Changes analytics settings at the version read: each section's given fields replace the
   * current ones. Trust evidence weights or the half-life changing rebuilds the stored evidence.
   */
  updateAnalytics: adminProcedure
    .input(
      z.object({
        expectedVersion: z.int().min(0, 'must not be negative'),
        patch: z
          .object({
            calibration: sectionPatch.optional(),
            risk: sectionPatch.optional(),
            drift: sectionPatch.optional(),
            trust: sectionPatch.optional(),
          })
          .strict(),
      }),
    )
    .mutation(({ ctx, input }) =>
      inTransaction(ctx.db, async (trx) => {
        const { settings: current } = await loadAnalyticsSettings(trx);
        const parsed = analyticsSettingsSchema.safeParse(merge(current, input.patch));
        if (!parsed.success) {
          const issues = parsed.error.issues.map((issue) => ({
            ...issue,
            path: ['patch', ...issue.path],
          }));
          // Named from the caller's side: `patch.trust.halfLifeDays`, not `trust.halfLifeDays`.
          // An Error carrying the issues: the error formatter turns them into fieldErrors.
          const cause = Object.assign(new Error('Invalid settings'), { issues });
          throw new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid settings', cause });
        }
        const settings: AnalyticsSettings = parsed.data;
        const version = await writeSetting(trx, {
          key: analyticsSettingsKey,
          value: settings,
          expectedVersion: input.expectedVersion,
          now: ctx.now(),
        });
        if (input.patch.trust !== undefined) await enqueueTrustRebuild(trx, ctx.now(), ctx.newId());
        return { settings, version };
      }),
    ),
});
