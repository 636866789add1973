import type { ApiContext } from '@steadfast/api';
import type { Db } from '@steadfast/db';
import type { Instant } from '@steadfast/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from './bearer-token.ts';
import { sessionContext } from './session-context.ts';

/**
 * What a procedure knows of an HTTP request, the same for tRPC at /trpc and REST at /api: the
 * integration token it presents (Authorization: Bearer) and the person its session cookie is.
 */
export function requestContext(options: { db: Db; now: () => Instant; newId: () => string }) {
  return async ({ req, res }: { req: FastifyRequest; res: FastifyReply }): Promise<ApiContext> => ({
    db: options.db,
    now: options.now,
    newId: options.newId,
    token: await bearerToken({ db: options.db, now: options.now(), request: req }),
    ...(await sessionContext({ db: options.db, now: options.now(), request: req, reply: res })),
  });
}
