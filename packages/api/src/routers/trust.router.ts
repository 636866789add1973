import {
  companyScope,
  findAccount,
  findTeam,
  findTrustEvidence,
  findUser,
  listAccounts,
  listTeams,
  listTrustEvidence,
  listUsers,
} from '@steadfast/db';
import { emptyEvidence, idSchema, notFound, trustScoreValue } from '@steadfast/domain';
import { z } from 'zod';
import { accountCharterCompliance } from '../analytics/account-charter-compliance.ts';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
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
      const [rows, prior] = await Promise.all([
        listTrustEvidence(ctx.db, input.scope),
        companyPrior(ctx.db, settings, now),
      ]);
      const evidenceById = new Map(rows.map((row) => [row.scopeId, row.evidence]));
      const subjects =
        input.scope === 'account'
          ? (await listAccounts(ctx.db)).map((a) => ({ id: a.id, name: a.name }))
          : input.scope === 'team'
            ? (await listTeams(ctx.db)).map((t) => ({ id: t.id, name: t.name }))
            : (await listUsers(ctx.db))
                .filter((u) => u.role === 'account_manager')
                .map((u) => ({ id: u.id, name: u.name }));
      // Every subject's score orders the ranking, but only the ones shown need the interval (two
      // Beta quantiles each, most of a full score's cost): the same score, computed without it.
      const ordered = subjects.map((subject) => ({
        subject,
        score: trustScoreValue(evidenceById.get(subject.id) ?? emptyEvidence(), {
          prior,
          settings: settings.trust,
          now,
        }),
      }));
      ordered.sort((a, b) => (input.order === 'lowest' ? a.score - b.score : b.score - a.score));
      return ordered.slice(0, input.limit).map(({ subject }) => {
        const evidence = evidenceById.get(subject.id);
        const score = scoreOf(evidence, { prior, settings, now });
        return {
          ...subject,
          score: score.score,
          interval: score.interval,
          outcomes: evidence?.outcomes ?? 0,
        };
      });
    }),
});
