import { TRPCClientError } from '@trpc/client';

/** What went wrong, in words for the person: the field and rule for bad input, else the message. */
export function problemOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const fieldErrors = (error.data as { fieldErrors?: Record<string, string[]> } | undefined)
      ?.fieldErrors;
    const named = Object.entries(fieldErrors ?? {}).map(
      ([field, rules]) => `${field} ${rules.join(', ')}`,
    );
    return named.length > 0 ? named.join('; ') : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The rule broken by one field, for showing beside it. */
export function fieldProblem(error: unknown, field: string): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const fieldErrors = (error.data as { fieldErrors?: Record<string, string[]> } | undefined)
    ?.fieldErrors;
  return fieldErrors?.[field]?.join(', ') ?? null;
}
