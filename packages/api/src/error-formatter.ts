import { isDomainError } from '@steadfast/domain';
import type { TRPCDefaultErrorShape, TRPCError } from '@trpc/server';

interface SchemaIssue {
  message: string;
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> | undefined;
}

function hasIssues(value: unknown): value is { issues: SchemaIssue[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { issues?: unknown }).issues)
  );
}

function issuePath(issue: SchemaIssue): string {
  const parts = (issue.path ?? []).map((part) =>
    typeof part === 'object' && part !== null ? String(part.key) : String(part),
  );
  return parts.length === 0 ? '(input)' : parts.join('.');
}

/** Schema issues as `{ "due.latest": ["must not be before earliest"] }`: the field and the rule. */
export function fieldErrorsOf(issues: readonly SchemaIssue[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const path = issuePath(issue);
    fieldErrors[path] = [...(fieldErrors[path] ?? []), issue.message];
  }
  return fieldErrors;
}

export interface SteadfastErrorData {
  /** A stable, machine-readable reason: `invalid_input`, or the domain error's code. */
  errorCode: string;
  fieldErrors: Record<string, string[]>;
  details: Record<string, unknown>;
}

/**
 * Every error reaches every client as `{ message, code, data: { code, httpStatus, errorCode,
 * fieldErrors, details } }`. Bad input names each field and the rule it broke.
 */
export function errorFormatter({
  shape,
  error,
}: {
  shape: TRPCDefaultErrorShape;
  error: TRPCError;
}): TRPCDefaultErrorShape & { data: SteadfastErrorData } {
  const cause = error.cause;
  // tRPC adds a stack trace whenever NODE_ENV is not `production` (as under `pnpm start`): never
  // send one, whatever the error, for it names the server's files and code paths.
  const { stack: _stack, ...data } = shape.data;
  if (hasIssues(cause)) {
    const fieldErrors = fieldErrorsOf(cause.issues);
    const message = Object.entries(fieldErrors)
      .map(([field, rules]) => `${field}: ${rules.join(', ')}`)
      .join('; ');
    return {
      ...shape,
      message: `Invalid input. ${message}`,
      data: { ...data, errorCode: 'invalid_input', fieldErrors, details: {} },
    };
  }
  if (isDomainError(cause)) {
    const fieldErrors = cause.field === undefined ? {} : { [cause.field]: [cause.message] };
    return {
      ...shape,
      data: { ...data, errorCode: cause.code, fieldErrors, details: { ...cause.details } },
    };
  }
  const errorCode =
    shape.data.code === 'INTERNAL_SERVER_ERROR' ? 'internal_error' : shape.data.code.toLowerCase();
  // Never leak an internal message (a SQL error, a stack) to a caller.
  const message =
    shape.data.code === 'INTERNAL_SERVER_ERROR'
      ? 'Something went wrong on our side.'
      : shape.message;
  return { ...shape, message, data: { ...data, errorCode, fieldErrors: {}, details: {} } };
}
