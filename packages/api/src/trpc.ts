import { type DomainErrorKind, isDomainError } from '@steadfast/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { ApiContext } from './context.ts';
import { errorFormatter } from './error-formatter.ts';

const t = initTRPC.context<ApiContext>().create({ errorFormatter });

const trpcCodeByKind: Record<DomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  invalid: 'BAD_REQUEST',
  illegal_transition: 'UNPROCESSABLE_CONTENT',
  conflict: 'CONFLICT',
  not_found: 'NOT_FOUND',
};

/** Domain errors become tRPC errors with the code their kind calls for (400, 422, 409, 404). */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeByKind[cause.kind], message: cause.message, cause });
  }
  return result;
});

export const createRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(domainErrors);
