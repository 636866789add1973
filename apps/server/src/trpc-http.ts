import {
  type AnyTRPCRouter,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  type inferRouterContext,
  TRPCError,
  transformTRPCResponse,
} from '@trpc/server';
import {
  type FastifyTRPCPluginOptions,
  fastifyRequestHandler,
} from '@trpc/server/adapters/fastify';
import { getHTTPStatusCode, type TRPCRequestInfo } from '@trpc/server/http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

type TrpcOptions<TRouter extends AnyTRPCRouter> = FastifyTRPCPluginOptions<TRouter>['trpcOptions'];

/** tRPC's `memo`: the input is parsed once, on first read; a parse failure is a 400. */
function memoInput(read: () => unknown) {
  const unread = Symbol('unread');
  let value: unknown = unread;
  return {
    read: async () => {
      if (value !== unread) return value;
      try {
        value = read();
      } catch (cause) {
        if (cause instanceof TRPCError) throw cause;
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: cause instanceof Error ? cause.message : 'Invalid input',
          cause,
        });
      }
      return value;
    },
    result: () => (value === unread ? undefined : value),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && !Array.isArray(value) && typeof value === 'object';
}

function isAsyncIterable(value: unknown): boolean {
  return isObject(value) && Symbol.asyncIterator in value;
}

function isPromiseLike(value: unknown): boolean {
  return isObject(value) && typeof value.then === 'function';
}

/** What tRPC refuses to answer outside a streaming link (its `isDataStream`). */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  const values = Object.values(value);
  return values.some(isPromiseLike) || values.some(isAsyncIterable);
}

/**
 * The one call a single, unbatched `GET /trpc/<query>?input=…` names, when it is nothing else:
 * no batch, no streaming `trpc-accept`/`accept: application/jsonl`, no content type, no
 * subscription parameters. Anything else is left to tRPC's own handler.
 */
function plainQuery<TRouter extends AnyTRPCRouter>(
  router: TRouter,
  request: FastifyRequest,
  rawPath: string,
) {
  if (request.method !== 'GET') return null;
  const headers = request.headers;
  if (
    headers['content-type'] !== undefined ||
    headers['trpc-accept'] !== undefined ||
    headers.accept?.includes('application/jsonl') === true
  )
    return null;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  const procedure = router._def.procedures[path];
  if (typeof procedure !== 'function' || procedure._def.type !== 'query') return null;
  const queryAt = request.url.indexOf('?');
  const searchParams = new URLSearchParams(queryAt < 0 ? '' : request.url.slice(queryAt + 1));
  if (
    searchParams.get('batch') === '1' ||
    searchParams.has('connectionParams') ||
    searchParams.has('lastEventId') ||
    searchParams.has('Last-Event-Id')
  )
    return null;
  return { path, procedure, searchParams };
}

/**
 * tRPC at the prefix (`/trpc`), as `fastifyTRPCPlugin` serves it, with one shortcut. tRPC 11's
 * adapters turn every request into a fetch `Request` and every answer into a `Response` with a
 * stream body (abort signals, Headers, web streams), which costs several times what a read does;
 * a single unbatched query, the call an integration polls with, is answered here from the same
 * procedure call with tRPC's own error shape, status and transformer, and the same headers
 * (`content-type: application/json`, `vary: trpc-accept, accept`). Batches, mutations, streaming
 * and anything unusual go through tRPC's own handler, unchanged.
 */
export function trpcHttp<TRouter extends AnyTRPCRouter>(
  server: FastifyInstance,
  options: { trpcOptions: TrpcOptions<TRouter> },
  done: (error?: Error) => void,
): void {
  const { trpcOptions } = options;
  const router = trpcOptions.router;
  const config = router._def._config;
  // As fastifyTRPCPlugin: tRPC reads the bodies itself.
  server.removeContentTypeParser('application/json');
  server.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, next) =>
    next(null, body),
  );
  server.removeContentTypeParser('multipart/form-data');
  server.addContentTypeParser('multipart/form-data', {}, (_request, body, next) =>
    next(null, body),
  );

  const answerQuery = async (
    request: FastifyRequest,
    reply: FastifyReply,
    call: NonNullable<ReturnType<typeof plainQuery<TRouter>>>,
  ) => {
    const { path, procedure, searchParams } = call;
    const input = memoInput(() => {
      const queryInput = searchParams.get('input');
      return queryInput ? config.transformer.input.deserialize(JSON.parse(queryInput)) : undefined;
    });
    // As tRPC's request signal: aborted when the client goes before the answer is sent. Made
    // only when something reads it (no procedure here does): a signal per request costs more
    // than the rest of the call's bookkeeping.
    let abort: AbortController | undefined;
    const signal = () => {
      if (abort === undefined) {
        abort = new AbortController();
        const aborted = abort;
        reply.raw.once('close', () => {
          if (!reply.raw.writableFinished) aborted.abort();
        });
      }
      return abort.signal;
    };
    const info: TRPCRequestInfo = {
      accept: null,
      type: 'query',
      isBatchCall: false,
      calls: [{ path, getRawInput: input.read, result: input.result, procedure, batchIndex: 0 }],
      connectionParams: null,
      get signal() {
        return signal();
      },
      url: null,
    };
    let ctx: inferRouterContext<TRouter> | undefined;
    let body: unknown;
    try {
      ctx = await trpcOptions.createContext?.({ req: request, res: reply, info });
      const data = await procedure({
        path,
        getRawInput: input.read,
        ctx,
        type: 'query',
        signal: undefined,
        batchIndex: 0,
      });
      if (isDataStream(data)) {
        throw new TRPCError({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message:
            'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
        });
      }
      body = { result: { data } };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      trpcOptions.onError?.({
        error,
        path,
        input: input.result(),
        ctx,
        type: 'query',
        req: request,
      });
      body = {
        error: getTRPCErrorShape({
          config,
          ctx,
          error,
          input: input.result(),
          path,
          type: 'query',
        }),
      };
    }
    return (
      reply
        .code(getHTTPStatusCode(body as Parameters<typeof getHTTPStatusCode>[0]))
        .header('vary', 'trpc-accept, accept')
        .header('content-type', 'application/json')
        // A Buffer, so that Fastify keeps tRPC's content type as it is (no `; charset=utf-8`).
        .send(Buffer.from(JSON.stringify(transformTRPCResponse(config, body as never))))
    );
  };

  server.all<{ Params: { path: string } }>('/:path', async (request, reply) => {
    const path = request.params.path;
    const call = plainQuery(router, request, path);
    if (call !== null) return answerQuery(request, reply, call);
    await fastifyRequestHandler({ ...trpcOptions, req: request, res: reply, path });
  });
  done();
}
