import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../trpc.ts';

const DAY_MS = 86_400_000;

export function useAccount(accountId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.account.get.queryOptions({ id: accountId }));
}

export function useAccountTrust(accountId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.trust.account.queryOptions({ accountId }));
}

/** Why the account's trust moved over the last 90 days: the promises that moved it, and ageing. */
export function useTrustChange(accountId: string) {
  const trpc = useTRPC();
  // Rounded to the hour so that the query key (and the cache) holds still while the page is open.
  const to = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const from = new Date(to.getTime() - 90 * DAY_MS);
  return useQuery(
    trpc.trust.explainChange.queryOptions({
      of: { scope: 'account', id: accountId },
      from: from.toISOString(),
      to: to.toISOString(),
    }),
  );
}

export function useAccountPromises(accountId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.promise.list.queryOptions({ accountId, view: 'all', limit: 40 }));
}

export function useCharter(accountId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.charter.get.queryOptions({ accountId }));
}

export function useCompliance(accountId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.charter.compliance.queryOptions({ accountId }));
}

export function useDrift(accountId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.drift.forAccount.queryOptions({ accountId }));
}

export function useTouchpoints(accountId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.touchpoint.list.queryOptions({ accountId }));
}
