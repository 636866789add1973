import fastifyCookie from '@fastify/cookie';
import { type AppRouter, appRouter } from '@steadfast/api';
import type { Db } from '@steadfast/db';
import type { Instant } from '@steadfast/domain';
import type { FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { calendarFeedRoute } from './calendar-feed-route.ts';
import { requestContext } from './request-context.ts';
import { restApi } from './rest-api.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { trpcHttp } from './trpc-http.ts';
import { webAdmin } from './web-admin.ts';

export interface HttpServerOptions {
  db: Db;
  now: () => Instant;
  newId: () => string;
  logLevel?: string;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* (so session cookies are Secure). */
  trustProxy?: boolean;
  /** The web admin's build (default apps/web/dist). */
  webDist?: string;
}

/** The HTTP surface: tRPC at /trpc, GET /health and the web admin. Listening is the caller's business. */
export function buildHttpServer(options: HttpServerOptions): FastifyInstance {
  const server = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    // tRPC batches put several procedure names in one path segment.
    routerOptions: { maxParamLength: 5000 },
    bodyLimit: 5 * 1024 * 1024,
    // One line per request is noise at `info`; errors are still logged by onError.
    disableRequestLogging: true,
    trustProxy: options.trustProxy ?? false,
  });

  // First, so every route (pages, JSON, the calendar feed) gets the headers.
  registerSecurityHeaders(server);
  server.register(fastifyCookie);

  server.get('/health', async () => ({ status: 'ok' }));
  server.register(webAdmin, { dist: options.webDist });

  const trpcOptions: FastifyTRPCPluginOptions<AppRouter>['trpcOptions'] = {
    router: appRouter,
    createContext: requestContext(options),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        server.log.error({ err: error.cause ?? error, path }, 'procedure failed');
      }
    },
  };
  server.register(trpcHttp<AppRouter>, { prefix: '/trpc', trpcOptions });
  server.register(calendarFeedRoute, { db: options.db, now: options.now });
  server.register(restApi, { prefix: '/api', createContext: requestContext(options) });
  return server;
}
