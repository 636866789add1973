import type { AppRouter } from '@steadfast/api';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';

export interface SteadfastClientOptions {
  /** The Steadfast server's address, e.g. `https://steadfast.example.com` (tRPC lives at /trpc). */
  url: string;
  /** An integration token (`sf_…`) from an admin, holding the scopes the calls need. */
  token: string;
  /** A fetch of your own (a proxy agent, retries, a test double); the global fetch otherwise. */
  fetch?: typeof globalThis.fetch;
}

/** The typed client: every procedure of Steadfast's API with its input and output types. */
export type SteadfastClient = TRPCClient<AppRouter>;

function trpcUrl(url: string): string {
  const base = url.replace(/\/+$/, '');
  return base.endsWith('/trpc') ? base : `${base}/trpc`;
}

/**
 * A typed client of Steadfast's API that authenticates as an integration token. Calls made in
 * the same tick travel in one HTTP request (tRPC batching).
 */
export function createSteadfastClient(options: SteadfastClientOptions): SteadfastClient {
  const authorization = `Bearer ${options.token}`;
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: trpcUrl(options.url),
        headers: () => ({ authorization }),
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      }),
    ],
  });
}
