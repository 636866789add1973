import { isTRPCClientError } from '@trpc/client';

/** The server's words for each field it refused (`fieldErrors`), joined into one sentence per field. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!isTRPCClientError(error)) return {};
  const data = error.data as { fieldErrors?: Record<string, string[] | undefined> } | undefined;
  const result: Record<string, string> = {};
  for (const [field, messages] of Object.entries(data?.fieldErrors ?? {})) {
    if (messages !== undefined && messages.length > 0) result[field] = messages.join('; ');
  }
  return result;
}

/** A refusal in one line: each field and its rule, or the message when no field is named. */
export function refusalOf(error: unknown): string {
  if (error === null || error === undefined) return '';
  const fields = Object.entries(fieldErrorsOf(error));
  if (fields.length > 0) return fields.map(([field, message]) => `${field} ${message}`).join('. ');
  return error instanceof Error ? error.message : 'Something went wrong.';
}
