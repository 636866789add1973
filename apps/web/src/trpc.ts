import type { AppRouter, RouterOutputs } from '@steadfast/api';
import { QueryCache, QueryClient } from '@tanstack/react-query';
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  isTRPCClientError,
  splitLink,
} from '@trpc/client';
import { createTRPCContext, createTRPCOptionsProxy } from '@trpc/tanstack-react-query';

export type { RouterOutputs };

/** The typed procedures of the server, as TanStack Query options: `useTRPC().trust.company.queryOptions()`. */
export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** The HTTP status of a failed call, when the server gave one. */
export function httpStatusOf(error: unknown): number | undefined {
  if (!isTRPCClientError(error)) return undefined;
  const data = error.data as { httpStatus?: number } | undefined;
  return data?.httpStatus;
}

/** A session that ended (401) sends the person back to the login page, keeping where they were. */
function onUnauthorised(error: unknown): void {
  if (httpStatusOf(error) !== 401 || window.location.pathname === '/login') return;
  const back = window.location.pathname + window.location.search;
  window.location.assign(`/login?redirect=${encodeURIComponent(back)}`);
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onUnauthorised }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A refusal or a bad input will not change on a retry.
        retry: (failures, error) => {
          const status = httpStatusOf(error);
          return (status === undefined || status >= 500) && failures < 2;
        },
      },
    },
  });
}

/**
 * Reads that take long on a large portfolio (they score every account): sent on their own, so a
 * batch answering when its slowest call does never holds up the quick reads beside them.
 */
const slowReads = new Set(['trust.ranking']);

/** Batched calls to /trpc on this origin; the session cookie goes with them. */
function makeTrpcClient() {
  const options = {
    url: '/trpc',
    fetch: (url: URL | RequestInfo, init?: RequestInit) =>
      fetch(url, { ...init, credentials: 'same-origin' }),
  };
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (operation) => slowReads.has(operation.path),
        true: httpLink(options),
        false: httpBatchLink(options),
      }),
    ],
  });
}

/** One query cache and one tRPC client for the page: the router's guards and the components share them. */
export const queryClient = makeQueryClient();
export const trpcClient = makeTrpcClient();

/** The procedures as query options outside React (route guards): `trpcOptions.auth.me.queryOptions()`. */
export const trpcOptions = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
