import { DomainError, type Instant, serviceGapAreas, serviceQualityGaps } from '@steadfast/domain';
import { z } from 'zod';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { loadServiceGapFacts } from '../analytics/service-gap-facts.ts';
import type { ApiContext } from '../context.ts';
import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-page.ts';
import { publicProcedure } from '../trpc.ts';

const DAY_MS = 86_400_000;

/** The dashboard names up to this many accounts per gap, worst first; the rest are a page away. */
export const gapAccountsShown = 20;

const days = z
  .int('must be a whole number of days')
  .min(7, 'must be at least 7 days')
  .max(730, 'must be at most 730 days')
  .default(90);

const gapsInput = z.object({ days }).default({ days: 90 });

const gapAccountsInput = z.object({
  area: z.enum(serviceGapAreas),
  days,
  limit: z
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .default(50),
  cursor: z.string().max(500, 'must be a nextCursor from an earlier page').optional(),
});

async function gapsOver(ctx: ApiContext, days: number) {
  const now: Instant = ctx.now();
  const window = { from: new Date(Date.parse(now) - days * DAY_MS).toISOString(), to: now };
  const { settings } = await loadAnalyticsSettings(ctx.db);
  const facts = await loadServiceGapFacts({ db: ctx.db, settings, now, window });
  return { window, gaps: serviceQualityGaps(facts) };
}

/** Where a page of a gap's accounts starts: a cursor names its gap and the offset after it. */
function offsetOf(cursor: string | undefined, area: string): number {
  if (cursor === undefined) return 0;
  const { position, id } = decodeKeysetCursor(cursor);
  const offset = Number(position);
  if (id === area && Number.isInteger(offset) && offset > 0) return offset;
  throw new DomainError({
    code: 'invalid_cursor',
    kind: 'invalid',
    field: 'cursor',
    message: `must be a nextCursor from an earlier page of the ${area} gap`,
  });
}

export const portfolioServiceGapProcedures = {
  /**
   * The five service-quality gaps over the last `days` (default 90), each with its parts, how
   * many accounts it names (`accountCount`) and the first 20 of them, worst first: the rest
   * through `serviceGapAccounts`.
   */
  serviceGaps: publicProcedure.input(gapsInput).query(async ({ ctx, input }) => {
    const { window, gaps } = await gapsOver(ctx, input.days);
    return {
      window,
      gaps: gaps.map((gap) => ({
        ...gap,
        accounts: gap.accounts.slice(0, gapAccountsShown),
        accountCount: gap.accounts.length,
      })),
    };
  }),

  /**
   * Every account one gap names over the last `days`, in the dashboard's order (worst first), a
   * page at a time: `limit` (default 50, at most 200) from `cursor` (a `nextCursor` given before).
   */
  serviceGapAccounts: publicProcedure.input(gapAccountsInput).query(async ({ ctx, input }) => {
    const offset = offsetOf(input.cursor, input.area);
    const { window, gaps } = await gapsOver(ctx, input.days);
    const accounts = gaps.find((gap) => gap.area === input.area)?.accounts ?? [];
    const end = offset + input.limit;
    return {
      window,
      area: input.area,
      total: accounts.length,
      accounts: accounts.slice(offset, end),
      nextCursor: end < accounts.length ? encodeKeysetCursor(String(end), input.area) : null,
    };
  }),
};
