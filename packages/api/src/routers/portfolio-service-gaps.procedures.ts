import { DomainError, serviceGapAreas } from '@steadfast/domain';
import { z } from 'zod';
import {
  gapSummary,
  keptGapAccounts,
  keptGapSummary,
  workOutServiceGaps,
} from '../analytics/service-gaps-snapshot.ts';
import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-page.ts';
import { publicProcedure } from '../trpc.ts';

export { gapAccountsShown } from '../analytics/service-gaps-snapshot.ts';

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
   * through `serviceGapAccounts`. `asOf`: when they were worked out. The dashboard's 90 days are
   * worked out hourly by the worker and read as kept (at most two hours old); any other window,
   * or when the worker is behind, is worked out on the call.
   */
  serviceGaps: publicProcedure.input(gapsInput).query(async ({ ctx, input }) => {
    const now = ctx.now();
    const kept = await keptGapSummary(ctx.db, now, input.days);
    if (kept !== undefined) return { window: kept.window, asOf: kept.takenAt, gaps: kept.gaps };
    const { window, gaps } = await workOutServiceGaps(ctx.db, now, input.days);
    return { window, asOf: now, gaps: gapSummary(gaps) };
  }),

  /**
   * Every account one gap names over the last `days`, in the dashboard's order (worst first), a
   * page at a time: `limit` (default 50, at most 200) from `cursor` (a `nextCursor` given before).
   * From the same kept gaps as the dashboard while they are fresh, so its pages agree with it.
   */
  serviceGapAccounts: publicProcedure.input(gapAccountsInput).query(async ({ ctx, input }) => {
    const offset = offsetOf(input.cursor, input.area);
    const now = ctx.now();
    const kept = await keptGapAccounts(ctx.db, now, input.days);
    const { window, asOf, accounts } =
      kept === undefined
        ? await workOutServiceGaps(ctx.db, now, input.days).then(({ window, gaps }) => ({
            window,
            asOf: now,
            accounts: gaps.find((gap) => gap.area === input.area)?.accounts ?? [],
          }))
        : { window: kept.window, asOf: kept.takenAt, accounts: kept.accounts[input.area] ?? [] };
    const end = offset + input.limit;
    return {
      window,
      asOf,
      area: input.area,
      total: accounts.length,
      accounts: accounts.slice(offset, end),
      nextCursor: end < accounts.length ? encodeKeysetCursor(String(end), input.area) : null,
    };
  }),
};
