import { TRPCError } from '@trpc/server';
import { fieldErrorsOf } from '../error-formatter.ts';

/** The TRPCError a call was rejected with; fails the test if it was not rejected so. */
export async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

/** The field errors a client would get for a rejected input (as the error formatter names them). */
export function fieldErrors(error: TRPCError): Record<string, string[]> {
  return fieldErrorsOf(
    (error.cause as { issues?: Parameters<typeof fieldErrorsOf>[0] } | undefined)?.issues ?? [],
  );
}
