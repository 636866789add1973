import { appRouter } from '@steadfast/api';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { BridgeOperation, BridgeResponse } from '../shared/bridge.ts';
import type { Connection } from './connection.ts';
import { type DesktopContext, desktopRouter } from './desktop-router.ts';
import { callRouterProcedure, errorResponse } from './procedure-call.ts';

const operationSchema = z.object({
  id: z.int(),
  type: z.enum(['query', 'mutation']),
  path: z.string().min(1).max(200),
  input: z.unknown(),
});

/**
 * The one IPC channel's handler: a tRPC operation `{ id, type, path, input }` from the renderer is
 * answered `{ id, result }` or `{ id, error }` in the shape the API's errorFormatter gives. The
 * app's own `desktop.*` procedures run here; everything else goes to the chosen mode's backend
 * (the AppRouter in process, or the team's server).
 */
export function createIpcHandler(options: {
  connection: Connection;
  openExternal: DesktopContext['openExternal'];
  onInternalError?: (error: Error, operation: BridgeOperation) => void;
}): (message: unknown) => Promise<BridgeResponse> {
  const desktopContext: DesktopContext = {
    connection: options.connection,
    openExternal: options.openExternal,
  };
  return async (message) => {
    const parsed = operationSchema.safeParse(message);
    if (!parsed.success) {
      const id =
        typeof (message as { id?: unknown })?.id === 'number' ? (message as { id: number }).id : -1;
      return errorResponse({
        router: appRouter,
        operation: { id, type: 'query', path: '(bridge)', input: message },
        error: new TRPCError({
          code: 'BAD_REQUEST',
          message: 'Not a tRPC operation.',
          cause: parsed.error,
        }),
      });
    }
    const operation: BridgeOperation = parsed.data;
    if (operation.path.startsWith('desktop.')) {
      return callRouterProcedure({
        router: desktopRouter,
        ctx: desktopContext,
        operation,
        onInternalError: options.onInternalError,
      });
    }
    const backend = options.connection.backend();
    if (backend === null) {
      return errorResponse({
        router: appRouter,
        operation,
        error: new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: 'Choose team or local mode first.',
        }),
      });
    }
    return backend.call(operation);
  };
}
