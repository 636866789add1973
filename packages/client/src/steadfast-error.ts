import type { AppRouter } from '@steadfast/api';
import { TRPCClientError } from '@trpc/client';

/** What Steadfast said went wrong with a call, as every client sees it. */
export interface SteadfastError {
  /** The tRPC code: `BAD_REQUEST`, `UNAUTHORIZED`, `FORBIDDEN`, `NOT_FOUND`, `CONFLICT`, … */
  code: string;
  httpStatus: number;
  /** A stable, machine-readable reason: `invalid_input`, `version_conflict`, `promise_closed`, … */
  errorCode: string;
  message: string;
  /** For bad input: each field (`due.latest`) with the rules it broke. */
  fieldErrors: Record<string, string[]>;
  /** More about the reason, e.g. `currentVersion` on a version conflict. */
  details: Record<string, unknown>;
}

/**
 * Reads a failed call's error as Steadfast reports it; undefined for anything that is not an
 * answer from a Steadfast server (a network failure, a bug in the calling code).
 */
export function steadfastErrorOf(error: unknown): SteadfastError | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const { data } = error as TRPCClientError<AppRouter>;
  if (data === undefined || data === null) return undefined;
  return {
    code: data.code,
    httpStatus: data.httpStatus,
    errorCode: data.errorCode,
    message: error.message,
    fieldErrors: data.fieldErrors,
    details: data.details,
  };
}
