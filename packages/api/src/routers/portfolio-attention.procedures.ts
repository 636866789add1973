import {
  countAccountTouches,
  countQuietAccounts,
  type Db,
  listChurnRiskMoments,
  listQuietAccounts,
  listUsers,
  type QuietCursor,
  tallyOwnerEffortFromDays,
  type Window,
} from '@steadfast/db';
import {
  defaultTouchpointRules,
  effortByManager,
  existingCustomerStages,
  type Instant,
  neglectedAccounts,
  serviceAfterChurnRisk,
} from '@steadfast/domain';
import { z } from 'zod';
import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-page.ts';
import { publicProcedure } from '../trpc.ts';

const DAY_MS = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

/** The dashboard names the longest-quiet accounts up to this many; the rest are a page away. */
export const neglectedShown = 20;
/** A poor score (at most 4 out of 10) is when a churn risk shows. */
const churnRiskScore = 0.4;
/** Effort is compared over the 90 days before a churn risk and the 30 days after it. */
const beforeRiskDays = 90;
const afterRiskDays = 30;

const attentionInput = z
  .object({
    days: z
      .int('must be a whole number of days')
      .min(7, 'must be at least 7 days')
      .max(730, 'must be at most 730 days')
      .default(90),
  })
  .default({ days: 90 });

const neglectedInput = z
  .object({
    limit: z
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(200, 'must be at most 200')
      .default(50),
    cursor: z.string().max(500, 'must be a nextCursor from an earlier page').optional(),
  })
  .default({ limit: 50 });

/**
 * Existing accounts nobody touched for the neglect period, longest quiet first, from `after`:
 * an index walk (account_last_touches_quiet) that stops at `limit`, with each one's owner named.
 */
async function neglectedPage(options: {
  db: Db;
  now: Instant;
  limit: number;
  after?: QuietCursor | undefined;
  ownerName: (ownerId: string) => string;
}) {
  const { neglectedAfterDays } = defaultTouchpointRules;
  const quietAtOrBefore = at(Date.parse(options.now) - neglectedAfterDays * DAY_MS);
  const rows = await listQuietAccounts(options.db, {
    stages: existingCustomerStages,
    quietAtOrBefore,
    limit: options.limit,
    after: options.after,
  });
  // quietSince is the latest touch, else when the account was created: the domain's own rule.
  const judged = neglectedAccounts({
    accounts: rows.map((row) => ({ ...row, createdAt: row.quietSince })),
    now: options.now,
    neglectedAfterDays,
  });
  const quietSinceOf = new Map(rows.map((row) => [row.accountId, row.quietSince]));
  return {
    accounts: judged.map((account) => ({
      ...account,
      ownerName: options.ownerName(account.ownerId),
    })),
    quietSinceOf,
    quietAtOrBefore,
  };
}

export const portfolioAttentionProcedures = {
  /**
   * Where managers' attention goes over the last `days` (default 90) whole UTC days, today
   * included: effort on prospects vs
   * existing accounts, the longest-quiet existing accounts (the first 20, with how many there are
   * in all: the rest through `neglectedAccounts`), and service that spiked only after a churn risk
   * (a poor satisfaction score) appeared.
   */
  attention: publicProcedure.input(attentionInput).query(async ({ ctx, input }) => {
    const now = ctx.now();
    // Whole UTC days (today so far included), which the daily effort rollup answers alone: a
    // window from this instant `days` ago would also count that day's remaining hours (and
    // today's) from the promises and touchpoints one by one, hundreds at a big company.
    const tomorrow = Date.parse(`${now.slice(0, 10)}T00:00:00.000Z`) + DAY_MS;
    const window: Window = { from: at(tomorrow - input.days * DAY_MS), to: at(tomorrow) };
    const { neglectedAfterDays } = defaultTouchpointRules;
    const quietAtOrBefore = at(Date.parse(now) - neglectedAfterDays * DAY_MS);
    const [users, effort, neglectedCount, risks] = await Promise.all([
      listUsers(ctx.db),
      tallyOwnerEffortFromDays(ctx.db, window),
      countQuietAccounts(ctx.db, { stages: existingCustomerStages, quietAtOrBefore }),
      listChurnRiskMoments(ctx.db, {
        from: at(Date.parse(now) - 365 * DAY_MS),
        to: now,
        atMost: churnRiskScore,
      }),
    ]);
    const names = new Map(users.map((user) => [user.id, user.name]));
    const ownerName = (ownerId: string) => names.get(ownerId) ?? 'nobody';
    const effortByOwner = new Map(effort.map((row) => [row.ownerId, row]));
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
    const neglected = await neglectedPage({ db: ctx.db, now, limit: neglectedShown, ownerName });
    // Bounded by the accounts with a churn risk in the last year: two counts each.
    const around = await Promise.all(
      risks.map(async (risk) => {
        const riskMs = Date.parse(risk.riskAt);
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
    return {
      window,
      neglectedAfterDays,
      managers,
      /** The longest-quiet existing accounts, at most 20; `neglectedCount` says how many in all. */
      neglected: neglected.accounts,
      neglectedCount,
      lateService: lateService.map((account) => ({
        ...account,
        ownerName: ownerName(account.ownerId),
      })),
      churnRisksLookedAt: risks.length,
    };
  }),

  /**
   * Every neglected existing account (no touch for the neglect period), longest quiet first, a
   * page at a time: `limit` (default 50, at most 200) from `cursor` (a `nextCursor` given before).
   */
  neglectedAccounts: publicProcedure.input(neglectedInput).query(async ({ ctx, input }) => {
    const now = ctx.now();
    const decoded = input.cursor === undefined ? undefined : decodeKeysetCursor(input.cursor);
    const users = await listUsers(ctx.db);
    const names = new Map(users.map((user) => [user.id, user.name]));
    const page = await neglectedPage({
      db: ctx.db,
      now,
      limit: input.limit + 1,
      after: decoded && { quietSince: decoded.position, accountId: decoded.id },
      ownerName: (ownerId) => names.get(ownerId) ?? 'nobody',
    });
    const items = page.accounts.slice(0, input.limit);
    const last = items.at(-1);
    const more = page.accounts.length > input.limit && last !== undefined;
    const total = await countQuietAccounts(ctx.db, {
      stages: existingCustomerStages,
      quietAtOrBefore: page.quietAtOrBefore,
    });
    return {
      neglectedAfterDays: defaultTouchpointRules.neglectedAfterDays,
      total,
      accounts: items,
      nextCursor: more
        ? encodeKeysetCursor(page.quietSinceOf.get(last.accountId) ?? '', last.accountId)
        : null,
    };
  }),
};
