import { appRouter } from '@steadfast/api';
import { TRPCError } from '@trpc/server';
import type { BridgeErrorShape, BridgeOperation, BridgeResponse } from '../shared/bridge.ts';
import type { ApiBackend } from './api-backend.ts';
import { errorResponse } from './procedure-call.ts';

/** The cookie the server keeps its session in (apps/server's session-context). */
export const sessionCookieName = 'steadfast_session';

/** Where the team session token is kept between starts (a file only this user may read). */
export interface TeamSessionStore {
  read(): string | null;
  write(token: string | null): void;
}

export interface TeamMode extends ApiBackend {
  kind: 'team';
  serverUrl: string;
  /** Whether a session token is held (it may still have expired on the server). */
  hasSession(): boolean;
}

/** The session token a response set, or null when it cleared it; undefined when it said nothing. */
export function sessionTokenFrom(setCookies: readonly string[]): string | null | undefined {
  for (const header of setCookies) {
    const [pair = '', ...attributes] = header.split(';');
    const separator = pair.indexOf('=');
    if (pair.slice(0, separator).trim() !== sessionCookieName) continue;
    const value = decodeURIComponent(pair.slice(separator + 1).trim());
    const expires = attributes.find((a) => a.trim().toLowerCase().startsWith('expires='));
    const expired =
      expires !== undefined && Date.parse(expires.trim().slice('expires='.length)) <= Date.now();
    return value === '' || expired ? null : value;
  }
  return undefined;
}

function isErrorShape(value: unknown): value is BridgeErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const shape = value as { message?: unknown; data?: unknown };
  return typeof shape.message === 'string' && typeof shape.data === 'object';
}

/**
 * Team mode: each operation goes to the server's tRPC endpoint over HTTP with the person's session
 * cookie (a query as GET with `?input=`, a mutation as POST), and the server's answer — data or
 * its formatted error — comes back unchanged. A login's cookie is kept; a logout forgets it.
 */
export function openTeamMode(options: {
  serverUrl: string;
  fetch: typeof fetch;
  sessions: TeamSessionStore;
}): TeamMode {
  const { serverUrl, sessions } = options;
  let token = sessions.read();

  const unreachable = (operation: BridgeOperation, why: string): BridgeResponse =>
    errorResponse({
      router: appRouter,
      operation,
      error: new TRPCError({
        code: 'SERVICE_UNAVAILABLE',
        message: `The Steadfast server at ${serverUrl} cannot be reached (${why}).`,
      }),
    });

  return {
    kind: 'team',
    serverUrl,
    hasSession: () => token !== null,
    async call(operation) {
      const endpoint = `${serverUrl}/trpc/${operation.path}`;
      const headers: Record<string, string> = { accept: 'application/json' };
      if (token !== null) headers.cookie = `${sessionCookieName}=${encodeURIComponent(token)}`;
      let response: Response;
      try {
        response =
          operation.type === 'query'
            ? await options.fetch(
                operation.input === undefined
                  ? endpoint
                  : `${endpoint}?input=${encodeURIComponent(JSON.stringify(operation.input))}`,
                { method: 'GET', headers },
              )
            : await options.fetch(endpoint, {
                method: 'POST',
                headers: { ...headers, 'content-type': 'application/json' },
                body: JSON.stringify(operation.input ?? null),
              });
      } catch (error) {
        return unreachable(operation, error instanceof Error ? error.message : String(error));
      }
      const newToken = sessionTokenFrom(response.headers.getSetCookie());
      if (newToken !== undefined) {
        token = newToken;
        sessions.write(token);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return unreachable(operation, `it answered ${response.status} without JSON`);
      }
      const answer = body as { result?: { data?: unknown }; error?: unknown };
      if (isErrorShape(answer.error)) {
        if (answer.error.data.httpStatus === 401 && token !== null) {
          token = null;
          sessions.write(null);
        }
        return { id: operation.id, error: answer.error };
      }
      if (answer.result !== undefined)
        return { id: operation.id, result: { data: answer.result.data } };
      return unreachable(operation, `it answered ${response.status} in an unknown shape`);
    },
    close: async () => {},
  };
}
