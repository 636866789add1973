import { TRPCClientError, type TRPCLink } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import type { SteadfastBridge } from '../../shared/bridge.ts';

/**
 * A tRPC link over the desktop bridge: each operation goes to the main process over one IPC
 * channel and its answer comes back as data or as the API's own error shape, so the client sees
 * the same `TRPCClientError` (with `data.fieldErrors`) it would over HTTP. No transformer: the
 * API speaks plain JSON.
 */
export function ipcLink<TRouter extends AnyTRPCRouter>(bridge: SteadfastBridge): TRPCLink<TRouter> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        if (op.type === 'subscription') {
          observer.error(
            new TRPCClientError('Subscriptions are not carried over the desktop bridge.'),
          );
          return;
        }
        let cancelled = false;
        bridge
          .invoke({ id: op.id, type: op.type, path: op.path, input: op.input })
          .then((response) => {
            if (cancelled) return;
            if ('error' in response) {
              observer.error(TRPCClientError.from({ error: response.error }));
              return;
            }
            observer.next({ result: { type: 'data', data: response.result.data } });
            observer.complete();
          })
          .catch((cause: unknown) => {
            if (cancelled) return;
            observer.error(
              TRPCClientError.from(cause instanceof Error ? cause : new Error(String(cause))),
            );
          });
        return () => {
          cancelled = true;
        };
      });
}
