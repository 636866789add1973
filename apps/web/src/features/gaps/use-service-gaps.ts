import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type RouterOutputs, useTRPC } from '../../trpc.ts';

export type ServiceGap = RouterOutputs['portfolio']['serviceGaps']['gaps'][number];

/** The five service-quality gaps over the last 90 days. */
export function useServiceGaps() {
  const trpc = useTRPC();
  return useQuery(trpc.portfolio.serviceGaps.queryOptions({ days: 90 }));
}

/** Every account one gap names over the last 90 days, worst first, 100 a page. */
export function useAllGapAccounts(area: ServiceGap['area']) {
  const trpc = useTRPC();
  return useInfiniteQuery(
    trpc.portfolio.serviceGapAccounts.infiniteQueryOptions(
      { area, days: 90, limit: 100 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
}
