import {
  type AnyTRPCRouter,
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  type TRPCError,
} from '@trpc/server';
import type { BridgeErrorShape, BridgeOperation, BridgeResponse } from '../shared/bridge.ts';

/**
 * An error answered the way the router's own errorFormatter shapes it, so a renderer sees exactly
 * what an HTTP client of the server would: `{ message, code, data: { httpStatus, fieldErrors, … } }`.
 */
export function errorResponse(options: {
  router: AnyTRPCRouter;
  operation: Pick<BridgeOperation, 'id' | 'type' | 'path' | 'input'>;
  error: TRPCError;
  ctx?: unknown;
}): BridgeResponse {
  const { router, operation, error } = options;
  const shape = getTRPCErrorShape({
    config: router._def._config,
    error,
    type: operation.type,
    path: operation.path,
    input: operation.input,
    ctx: options.ctx,
  }) as BridgeErrorShape;
  return { id: operation.id, error: shape };
}

/**
 * Runs one operation against a router in this process, through every middleware (access checks,
 * input validation, the audited transaction), exactly as the HTTP adapter would.
 */
export async function callRouterProcedure<TContext>(options: {
  router: AnyTRPCRouter;
  ctx: TContext;
  operation: BridgeOperation;
  /** Told about failures that are ours, not the caller's (a 500), for the log. */
  onInternalError?: (error: TRPCError, operation: BridgeOperation) => void;
}): Promise<BridgeResponse> {
  const { router, ctx, operation } = options;
  try {
    const data: unknown = await callTRPCProcedure({
      router,
      ctx,
      path: operation.path,
      type: operation.type,
      input: operation.input,
      getRawInput: async () => operation.input,
      signal: undefined,
      batchIndex: 0,
    });
    return { id: operation.id, result: { data } };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    if (error.code === 'INTERNAL_SERVER_ERROR') options.onInternalError?.(error, operation);
    return errorResponse({ router, operation, error, ctx });
  }
}
