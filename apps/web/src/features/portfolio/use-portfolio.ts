import { useQuery } from '@tanstack/react-query';
import type { RankingScope } from '../../router.tsx';
import { queryClient, trpcOptions, useTRPC } from '../../trpc.ts';

/** What the portfolio asks for: the hooks below and the route's prefetch use the same inputs. */
const companyTrend = { scope: 'company', months: 12 } as const;
const rankingOf = (scope: RankingScope) => ({ scope, order: 'lowest', limit: 500 }) as const;
const kindSlipsWindow = { days: 365 } as const;
const atRiskView = { view: 'at_risk', limit: 50 } as const;

/**
 * Starts the portfolio's reads as soon as the route is chosen, while its code is still loading,
 * instead of after its components first render. Only for leaders and admins (whom the route
 * serves); the components find the answers (or the reads under way) in the shared cache.
 */
export function prefetchPortfolio(scope: RankingScope): void {
  const user = queryClient.getQueryData(trpcOptions.auth.me.queryKey());
  if (user?.role !== 'leader' && user?.role !== 'admin') return;
  void queryClient.prefetchQuery(trpcOptions.trust.company.queryOptions());
  void queryClient.prefetchQuery(trpcOptions.trust.ranking.queryOptions(rankingOf(scope)));
  void queryClient.prefetchQuery(trpcOptions.portfolio.trend.queryOptions(companyTrend));
  void queryClient.prefetchQuery(trpcOptions.portfolio.kindSlips.queryOptions(kindSlipsWindow));
  void queryClient.prefetchQuery(trpcOptions.promise.list.queryOptions(atRiskView));
}

export function useCompanyTrust() {
  const trpc = useTRPC();
  return useQuery(trpc.trust.company.queryOptions());
}

/** A scope's trust at each of the last 12 month-ends (the company's unless an account is named). */
export function useTrustTrend(accountId?: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.portfolio.trend.queryOptions(
      accountId === undefined ? companyTrend : { scope: 'account', id: accountId, months: 12 },
    ),
  );
}

export function useRanking(scope: RankingScope) {
  const trpc = useTRPC();
  return useQuery(trpc.trust.ranking.queryOptions(rankingOf(scope)));
}

export function useKindSlips() {
  const trpc = useTRPC();
  return useQuery(trpc.portfolio.kindSlips.queryOptions(kindSlipsWindow));
}

export function useAtRiskPromises() {
  const trpc = useTRPC();
  return useQuery(trpc.promise.list.queryOptions(atRiskView));
}

/** Account names by id, for lists that carry only ids. */
export function useAccountNames() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.account.list.queryOptions({}),
    select: (accounts) => new Map(accounts.map((account) => [account.id, account.name])),
  });
}
