import {
  countAccountTouches,
  lastAccountTouchAt,
  listChurnRiskMoments,
  listLastTouches,
  listUsers,
  tallyKindOutcomes,
  tallyOwnerEffort,
  type Window,
} from '@steadfast/db';
import {
  defaultTouchpointRules,
  effortByManager,
  existingCustomerStages,
  type Instant,
  neglectedAccounts,
  promiseKinds,
  rankKindsBySlip,
  serviceAfterChurnRisk,
  serviceQualityGaps,
} from '@steadfast/domain';
import { z } from 'zod';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { loadServiceGapFacts } from '../analytics/service-gap-facts.ts';
import { createRouter, publicProcedure } from '../trpc.ts';
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

/** The `days` up to now. */
function windowBefore(now: Instant, days: number): Window {
  return { from: new Date(Date.parse(now) - days * DAY_MS).toISOString(), to: now };
}

/** A poor score (at most 4 out of 10) is when a churn risk shows. */
const churnRiskScore = 0.4;
/** Effort is compared over the 90 days before a churn risk and the 30 days after it. */
const beforeRiskDays = 90;
const afterRiskDays = 30;

export const portfolioRouter = createRouter({
  ...portfolioTrendProcedures,

  /**
   * Which promise kinds slip over the last `days` (default 365): per kind kept on time, kept after
   * renegotiation, late, missed, and the share of slips announced first; most slipping first.
   */
  kindSlips: publicProcedure.input(windowInput(365)).query(async ({ ctx, input }) => {
    const window = windowBefore(ctx.now(), input.days);
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

  /** The five service-quality gaps over the last `days` (default 90), each with its parts and accounts. */
  serviceGaps: publicProcedure.input(windowInput(90)).query(async ({ ctx, input }) => {
    const now = ctx.now();
    const window = windowBefore(now, input.days);
    const { settings } = await loadAnalyticsSettings(ctx.db);
    const facts = await loadServiceGapFacts({ db: ctx.db, settings, now, window });
    return { window, gaps: serviceQualityGaps(facts) };
  }),

  /**
   * Where managers' attention goes over the last `days` (default 90): effort on prospects vs
   * existing accounts, existing accounts with no touch for the neglect period, and service that
   * spiked only after a churn risk (a poor satisfaction score) appeared.
   */
  attention: publicProcedure.input(windowInput(90)).query(async ({ ctx, input }) => {
    const now = ctx.now();
    const window = windowBefore(now, input.days);
    const neglectedAfterDays = defaultTouchpointRules.neglectedAfterDays;
    const [users, effort, touches, risks] = await Promise.all([
      listUsers(ctx.db),
      tallyOwnerEffort(ctx.db, window),
      // Touches within the neglect period: an account with one is not neglected.
      listLastTouches(ctx.db, {
        stages: existingCustomerStages,
        since: new Date(Date.parse(now) - neglectedAfterDays * DAY_MS).toISOString(),
      }),
      listChurnRiskMoments(ctx.db, { ...windowBefore(now, 365), atMost: churnRiskScore }),
    ]);
    const effortByOwner = new Map(effort.map((row) => [row.ownerId, row]));
    const names = new Map(users.map((user) => [user.id, user.name]));
    const managers = effortByManager(
      users
        .filter((user) => user.role === 'account_manager')
        .map((user) => ({
          managerId: user.id,
          managerName: user.name,
          prospect: effortByOwner.get(user.id)?.prospect ?? { promises: 0, touchpoints: 0 },
          existing: effortByOwner.get(user.id)?.existing ?? { promises: 0, touchpoints: 0 },
        })),
    );
    // Only the quiet ones are dated from their whole record: bounded by those accounts' own history.
    const dated = await Promise.all(
      touches.map(async (account) =>
        account.lastTouchAt !== null
          ? account
          : { ...account, lastTouchAt: await lastAccountTouchAt(ctx.db, account.accountId) },
      ),
    );
    const neglected = neglectedAccounts({ accounts: dated, now, neglectedAfterDays });
    // Bounded by the accounts with a churn risk in the last year: two counts each.
    const around = await Promise.all(
      risks.map(async (risk) => {
        const riskMs = Date.parse(risk.riskAt);
        const at = (ms: number) => new Date(ms).toISOString();
        const [before, after] = await Promise.all([
          countAccountTouches(ctx.db, {
            accountId: risk.accountId,
            from: at(riskMs - beforeRiskDays * DAY_MS),
            to: risk.riskAt,
          }),
          countAccountTouches(ctx.db, {
            accountId: risk.accountId,
            from: risk.riskAt,
            to: at(Math.min(riskMs + afterRiskDays * DAY_MS, Date.parse(now))),
          }),
        ]);
        return { ...risk, before, after };
      }),
    );
    const lateService = serviceAfterChurnRisk({
      accounts: around,
      beforeDays: beforeRiskDays,
      afterDays: afterRiskDays,
    });
    const ownerName = (ownerId: string) => names.get(ownerId) ?? 'nobody';
    return {
      window,
      neglectedAfterDays,
      managers,
      neglected: neglected.map((account) => ({
        ...account,
        ownerName: ownerName(account.ownerId),
      })),
      lateService: lateService.map((account) => ({
        ...account,
        ownerName: ownerName(account.ownerId),
      })),
      churnRisksLookedAt: risks.length,
    };
  }),
});
