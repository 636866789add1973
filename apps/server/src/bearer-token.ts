import { resolveBearerToken } from '@steadfast/api';
import type { Db } from '@steadfast/db';
import type { ApiToken } from '@steadfast/domain';
import { TRPCError } from '@trpc/server';
import type { FastifyRequest } from 'fastify';

/**
 * The integration token of an `Authorization: Bearer sf_…` request; null when none is presented.
 * A token presented but unknown, revoked or wrong is refused outright (401), never treated as
 * anonymous: an integration should learn at once that its token no longer works.
 */
export async function bearerToken(options: {
  db: Db;
  now: string;
  request: FastifyRequest;
}): Promise<ApiToken | null> {
  const header = options.request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer (.+)$/.exec(header);
  const token =
    match?.[1] === undefined ? null : await resolveBearerToken(options.db, match[1], options.now);
  if (token === null) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'That token is not valid (unknown, malformed or revoked).',
    });
  }
  return token;
}
