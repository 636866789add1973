import {
  companyScope,
  findTrustEvidence,
  listTrustContributionsSince,
  listTrustHistory,
  type TrustScopeRef,
} from '@steadfast/db';
import {
  emptyEvidence,
  evidenceAnchor,
  evidenceWithout,
  idSchema,
  instantSchema,
  traceScoreChange,
} from '@steadfast/domain';
import { z } from 'zod';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { companyPrior, startingReliability } from '../analytics/trust-scores.ts';
import { publicProcedure } from '../trpc.ts';

const scopeInput = z
  .object({ scope: z.enum(['company', 'account', 'manager', 'team']), id: idSchema.optional() })
  .refine((input) => input.scope === 'company' || input.id !== undefined, {
    path: ['id'],
    error: 'is required for an account, a manager or a team',
  });

function scopeRef(input: z.output<typeof scopeInput>): TrustScopeRef {
  return input.scope === 'company' ? companyScope : { type: input.scope, id: input.id ?? '' };
}

const dayOf = z.iso.date({ error: 'must be a calendar date (YYYY-MM-DD)' });

export const trustHistoryProcedures = {
  /** A scope's daily trust scores (with their intervals) between two days, oldest first. */
  history: publicProcedure
    .input(z.object({ of: scopeInput, fromDay: dayOf, toDay: dayOf }))
    .query(({ ctx, input }) =>
      listTrustHistory(ctx.db, scopeRef(input.of), { fromDay: input.fromDay, toDay: input.toDay }),
    ),

  /**
   * Why a score moved between two instants ("why did this account drop 8 points?"): each promise
   * that closed in between with its points, the ageing of the record, and the rest.
   */
  explainChange: publicProcedure
    .input(
      z
        .object({ of: scopeInput, from: instantSchema, to: instantSchema })
        .refine((input) => Date.parse(input.from) < Date.parse(input.to), {
          path: ['to'],
          error: 'must be after from',
        }),
    )
    .query(async ({ ctx, input }) => {
      const scope = scopeRef(input.of);
      const now = ctx.now();
      const { settings } = await loadAnalyticsSettings(ctx.db);
      const stored = (await findTrustEvidence(ctx.db, scope)) ?? {
        ...emptyEvidence(),
        asOf: evidenceAnchor,
      };
      const sinceFrom = await listTrustContributionsSince(ctx.db, scope, input.from);
      const afterTo = sinceFrom.filter((c) => Date.parse(c.closedAt) > Date.parse(input.to));
      const between = sinceFrom.filter((c) => Date.parse(c.closedAt) <= Date.parse(input.to));
      const prior =
        scope.type === 'company'
          ? { typicalReliability: startingReliability }
          : await companyPrior(ctx.db, settings, now);
      return traceScoreChange({
        before: {
          at: input.from,
          evidence: evidenceWithout(
            stored,
            sinceFrom.map((c) => c.evidence),
          ),
        },
        after: {
          at: input.to,
          evidence: evidenceWithout(
            stored,
            afterTo.map((c) => c.evidence),
          ),
        },
        closed: between.map((c) => ({
          promiseId: c.promiseId,
          outcomeKind: c.outcomeKind,
          closedAt: c.closedAt,
          contribution: c.evidence,
        })),
        prior,
        settings: settings.trust,
      });
    }),
};
