import type { SessionCookie } from '@steadfast/api';
import { tokenHash } from '@steadfast/api';
import { type Db, findSessionUser } from '@steadfast/db';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const sessionCookieName = 'steadfast_session';

/**
 * A cross-site request must not ride on the session cookie: a write that a browser sends from
 * another site (Origin or Sec-Fetch-Site says so) is treated as anonymous. SameSite=Lax already
 * keeps the cookie off cross-site POSTs in browsers that honour it; this is the second lock.
 */
export function isCrossSite(request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/** Who the request's session cookie belongs to, and the cookie for procedures to start or end. */
export async function sessionContext(options: {
  db: Db;
  now: string;
  request: FastifyRequest;
  reply: FastifyReply;
}): Promise<{ actorId: string | null; session: SessionCookie }> {
  const { request, reply } = options;
  const presented = request.cookies[sessionCookieName] ?? null;
  const token = presented !== null && isCrossSite(request) ? null : presented;
  const user =
    token === null ? undefined : await findSessionUser(options.db, tokenHash(token), options.now);
  const secure = request.protocol === 'https';
  return {
    actorId: user?.id ?? null,
    session: {
      token,
      start: (newToken, expiresAt) => {
        reply.setCookie(sessionCookieName, newToken, {
          httpOnly: true,
          sameSite: 'lax',
          secure,
          path: '/',
          expires: new Date(expiresAt),
        });
      },
      end: () => {
        reply.clearCookie(sessionCookieName, { path: '/' });
      },
    },
  };
}
