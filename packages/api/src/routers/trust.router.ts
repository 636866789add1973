import { companyScope, findAccount, findTeam, findTrustEvidence, findUser } from '@steadfast/db';
import { idSchema, notFound } from '@steadfast/domain';
import { z } from 'zod';
import { accountCharterCompliance } from '../analytics/account-charter-compliance.ts';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { rankAccounts, rankPeople } from '../analytics/trust-ranking.ts';
import { companyPrior, scoreOf, startingReliability } from '../analytics/trust-scores.ts';
import { integrationRoutes } from '../openapi/integration-routes.ts';
import {
  accountTrustOutput,
  companyTrustOutput,
  managerTrustOutput,
  teamTrustOutput,
} from '../openapi/trust.schemas.ts';
import { createRouter, publicProcedure } from '../trpc.ts';
import { trustHistoryProcedures } from './trust-history.procedures.ts';

export const trustRouter = createRouter({
  ...trustHistoryProcedures,

  /** How far the company as a whole is trusted to keep its promises, with why. */
  company: publicProcedure
    .meta(integrationRoutes['trust.company'])
    .output(companyTrustOutput)
    .query(async ({ ctx }) => {
      const { settings } = await loadAnalyticsSettings(ctx.db);
      const evidence = await findTrustEvidence(ctx.db, companyScope);
      const prior = { typicalReliability: startingReliability };
      return {
        outcomes: evidence?.counts ?? null,
        score: scoreOf(evidence, { prior, settings, now: ctx.now() }),
      };
    }),

  /** An account's trust score: 0–100 with its interval and a breakdown in words and numbers. */
  account: publicProcedure
    .meta(integrationRoutes['trust.account'])
    .input(z.object({ accountId: idSchema }))
    .output(accountTrustOutput)
    .query(async ({ ctx, input }) => {
      const account = await findAccount(ctx.db, input.accountId);
      if (account === undefined) throw notFound('account', input.accountId, 'accountId');
      const { settings } = await loadAnalyticsSettings(ctx.db);
      const now = ctx.now();
      const [evidence, prior, charter] = await Promise.all([
        findTrustEvidence(ctx.db, { type: 'account', id: account.id }),
        companyPrior(ctx.db, settings, now),
        accountCharterCompliance({ db: ctx.db, account, settings, now }),
      ]);
      const charterCompliance = charter?.share ?? null;
      return {
        account,
        outcomes: evidence?.counts ?? null,
        charterCompliance,
        score: scoreOf(evidence, { prior, settings, now, charterCompliance }),
      };
    }),

  /** An account manager's trust score across the accounts they own. */
  manager: publicProcedure
    .meta(integrationRoutes['trust.manager'])
    .input(z.object({ userId: idSchema }))
    .output(managerTrustOutput)
    .query(async ({ ctx, input }) => {
      const user = await findUser(ctx.db, input.userId);
      if (user === undefined) throw notFound('user', input.userId, 'userId');
      const { settings } = await loadAnalyticsSettings(ctx.db);
      const now = ctx.now();
      const [evidence, prior] = await Promise.all([
        findTrustEvidence(ctx.db, { type: 'manager', id: user.id }),
        companyPrior(ctx.db, settings, now),
      ]);
      return {
        user,
        outcomes: evidence?.counts ?? null,
        score: scoreOf(evidence, { prior, settings, now }),
      };
    }),

  /** A team's trust score: the promises of its account managers, scored together. */
  team: publicProcedure
    .meta(integrationRoutes['trust.team'])
    .input(z.object({ teamId: idSchema }))
    .output(teamTrustOutput)
    .query(async ({ ctx, input }) => {
      const team = await findTeam(ctx.db, input.teamId);
      if (team === undefined) throw notFound('team', input.teamId, 'teamId');
      const { settings } = await loadAnalyticsSettings(ctx.db);
      const now = ctx.now();
      const [evidence, prior] = await Promise.all([
        findTrustEvidence(ctx.db, { type: 'team', id: team.id }),
        companyPrior(ctx.db, settings, now),
      ]);
      return {
        team,
        outcomes: evidence?.counts ?? null,
        score: scoreOf(evidence, { prior, settings, now }),
      };
    }),

  /** Accounts, managers or teams ranked by trust, lowest first (where to look) or highest first. */
  ranking: publicProcedure
    .input(
      z
        .object({
          scope: z.enum(['account', 'manager', 'team']),
          order: z.enum(['lowest', 'highest']).default('lowest'),
          limit: z.int().min(1, 'must be at least 1').max(500, 'must be at most 500').default(20),
        })
        .default({ scope: 'account', order: 'lowest', limit: 20 }),
    )
    .query(async ({ ctx, input }) => {
      const { settings } = await loadAnalyticsSettings(ctx.db);
      const now = ctx.now();
      const prior = await companyPrior(ctx.db, settings, now);
      const options = { db: ctx.db, settings, prior, now, order: input.order, limit: input.limit };
      const shown =
        input.scope === 'account'
          ? await rankAccounts(options)
          : await rankPeople(input.scope, options);
      return shown.map(({ id, name, evidence, outcomes, shown: standing }) => {
        const { score, interval } = standing ?? scoreOf(evidence, { prior, settings, now });
        return { id, name, score, interval, outcomes };
      });
    }),
});
