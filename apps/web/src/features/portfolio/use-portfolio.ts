import { useQuery } from '@tanstack/react-query';
import type { RankingScope } from '../../router.tsx';
import { useTRPC } from '../../trpc.ts';

export function useCompanyTrust() {
  const trpc = useTRPC();
  return useQuery(trpc.trust.company.queryOptions());
}

/** A scope's trust at each of the last 12 month-ends (the company's unless an account is named). */
export function useTrustTrend(accountId?: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.portfolio.trend.queryOptions(
      accountId === undefined
        ? { scope: 'company', months: 12 }
        : { scope: 'account', id: accountId, months: 12 },
    ),
  );
}

export function useRanking(scope: RankingScope) {
  const trpc = useTRPC();
  return useQuery(trpc.trust.ranking.queryOptions({ scope, order: 'lowest', limit: 500 }));
}

export function useKindSlips() {
  const trpc = useTRPC();
  return useQuery(trpc.portfolio.kindSlips.queryOptions({ days: 365 }));
}

export function useAtRiskPromises() {
  const trpc = useTRPC();
  return useQuery(trpc.promise.list.queryOptions({ view: 'at_risk', limit: 50 }));
}

/** Account names by id, for lists that carry only ids. */
export function useAccountNames() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.account.list.queryOptions({}),
    select: (accounts) => new Map(accounts.map((account) => [account.id, account.name])),
  });
}
