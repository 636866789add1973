import {
  type ApiContext,
  appRouter,
  integrationOpenApiDocument,
  type RestError,
  restErrorOf,
} from '@steadfast/api';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fastifyTRPCOpenApiPlugin, type OpenAPIObject } from 'trpc-to-openapi';
import { registerApiReferencePage } from './api-reference-page.ts';
import { keepJsonBodiesStrict } from './strict-json-bodies.ts';

export interface RestApiOptions {
  createContext: (http: { req: FastifyRequest; res: FastifyReply }) => Promise<ApiContext>;
}

function isAdapterError(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'data' in body && 'code' in body;
}

/**
 * The adapter answers errors with the tRPC shape plus its own fields; REST callers get the one
 * `Error` body the document describes. Anything that is not such an error passes untouched.
 */
async function restErrorBody(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (reply.statusCode < 400 || typeof payload !== 'string') return payload;
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return payload;
  }
  return isAdapterError(body) ? JSON.stringify(restErrorOf(body, reply.statusCode)) : payload;
}

/**
 * A write whose input is all in its path (`POST /v1/webhooks/{id}/disable`) is naturally sent with
 * no body and no content type (`curl -X POST …`); it is read as an empty JSON object rather than
 * refused as the wrong media type. A body of another type is still a 415.
 */
async function bodilessWritesAsJson(request: FastifyRequest): Promise<void> {
  const headers = request.headers;
  const hasBody =
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'] !== '0');
  if (request.method !== 'GET' && !hasBody && headers['content-type'] === undefined) {
    headers['content-type'] = 'application/json';
  }
}

const codeByStatus: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Errors Fastify raises before a procedure runs (a body that is not JSON, a wrong media type). */
function fastifyError(error: FastifyError): RestError {
  const status = error.statusCode ?? 500;
  const httpStatus = status >= 400 && status < 500 ? status : 500;
  const code =
    codeByStatus[httpStatus] ?? (httpStatus < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR');
  return {
    code,
    errorCode: code.toLowerCase(),
    message: httpStatus < 500 ? error.message : 'Something went wrong on our side.',
    httpStatus,
    fieldErrors: {},
    details: {},
  };
}

/**
 * REST for integrations under the prefix (`/api`): the integration procedures at `/v1/…`
 * (trpc-to-openapi's Fastify adapter over the same routers, context and access checks as /trpc),
 * their OpenAPI 3.1 document at `/openapi.json` and a reference page at `/docs`.
 */
export async function restApi(api: FastifyInstance, options: RestApiOptions): Promise<void> {
  // Built once; only the servers entry follows the request (it names the address the caller
  // reached, behind a proxy its X-Forwarded-*), so no Host header can grow a cache.
  let document: OpenAPIObject | undefined;
  api.get('/openapi.json', async (request) => {
    const baseUrl = `${request.protocol}://${request.host}${api.prefix}`;
    document ??= integrationOpenApiDocument(appRouter, baseUrl);
    return { ...document, servers: [{ url: baseUrl }] };
  });
  registerApiReferencePage(api);

  api.addHook('onRequest', bodilessWritesAsJson);
  // In this scope only: an empty JSON body is an empty object; anything else is parsed by
  // Fastify's own parser (prototype-poisoning protection included).
  const jsonParser = api.getDefaultJsonParser('error', 'error');
  api.removeContentTypeParser('application/json');
  api.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, {});
    return jsonParser(request, body.toString(), done);
  });
  api.addHook('onSend', restErrorBody);
  api.setErrorHandler((error: FastifyError, _request, reply) => {
    const body = fastifyError(error);
    if (body.httpStatus >= 500) api.log.error({ err: error }, 'REST request failed');
    return reply.code(body.httpStatus).send(body);
  });
  keepJsonBodiesStrict(appRouter);
  await api.register(fastifyTRPCOpenApiPlugin, {
    router: appRouter,
    // The Fastify adapter hands over Fastify's own request and reply (with Node's methods added).
    createContext: ({ req, res }: { req: FastifyRequest; res: FastifyReply }) =>
      options.createContext({ req, res }),
    onError: ({ error, path }: { error: { code: string; cause?: unknown }; path?: string }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        api.log.error({ err: error.cause ?? error, path }, 'REST procedure failed');
      }
    },
  });
}
