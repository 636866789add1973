import { useQuery } from '@tanstack/react-query';
import { type RouterOutputs, useTRPC } from '../../trpc.ts';

export type ServiceGap = RouterOutputs['portfolio']['serviceGaps']['gaps'][number];

/** The five service-quality gaps over the last 90 days. */
export function useServiceGaps() {
  const trpc = useTRPC();
  return useQuery(trpc.portfolio.serviceGaps.queryOptions({ days: 90 }));
}
