/** One webhook attempt as it goes over the wire. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/**
 * Sends one attempt and gives back the receiver's HTTP status; throws when there is no answer
 * (refused, unreachable, timed out). Injected, so tests can count and script attempts.
 */
export type SendWebhook = (request: WebhookRequest) => Promise<{ status: number }>;

/**
 * A POST with fetch. Redirects are not followed (a 3xx is not a delivery: the receiver should
 * give its final URL), and the answer's body is not read.
 */
export const sendWebhookOverHttp: SendWebhook = async (request) => {
  const response = await fetch(request.url, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(request.timeoutMs),
  });
  await response.body?.cancel();
  return { status: response.status };
};

/** Why an attempt got no answer, in a line: "ECONNREFUSED", "TimeoutError: …". */
export function describeSendFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  if (typeof cause?.code === 'string') return `${cause.code}: ${String(cause.message ?? '')}`;
  return `${error.name}: ${error.message}`;
}
