import { findUser, insertAuditEntry, inTransaction } from '@steadfast/db';
import { type DomainErrorKind, isDomainError } from '@steadfast/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { assertOwnWork } from './access/ownership.ts';
import { mayCall, procedureAccess } from './access/procedure-access.ts';
import { auditEntryFor } from './audit/audit-entry.ts';
import type { ApiContext } from './context.ts';
import { errorFormatter } from './error-formatter.ts';
import { refuseNulCharacters } from './input/nul-characters.ts';

// `OpenApiMeta`: the integration procedures also answer as REST, described by OpenAPI.
const t = initTRPC.context<ApiContext>().meta<OpenApiMeta>().create({ errorFormatter });

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

/** Writes that are the caller's own session, not data: not wrapped, so a failed login still counts. */
const unaudited = new Set(['auth.login', 'auth.logout']);

/**
 * Every write is one transaction with its audit entry: the procedure runs on a transaction, the
 * entry (who, what, when, version before and after) is added in it, and either both are kept or
 * neither. A write that fails rolls back whatever it had done.
 */
const audited = t.middleware(async ({ ctx, type, path, getRawInput, next }) => {
  if (type !== 'mutation' || unaudited.has(path)) return next();
  // An unreadable body is no input to record: tRPC's httpLink sends none to a mutation without
  // input, and a procedure with input refuses a broken body itself (400) when it reads it.
  const input = await getRawInput().catch(() => undefined);
  return inTransaction(ctx.db, async (trx) => {
    const result = await next({ ctx: { db: trx } });
    if (!result.ok) throw result.error;
    const entry = auditEntryFor({ ctx, id: ctx.newId(), path, input, output: result.data });
    await insertAuditEntry(trx, entry);
    return result;
  });
});

export const createRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
/**
 * Every call is checked against the procedure's entry in `procedureAccess` before its input is
 * read: nobody logged in is a 401, a caller without the role or scope a 403, and a procedure
 * without an entry is refused to everyone.
 */
const access = t.middleware(async ({ ctx, path, getRawInput, next }) => {
  const entry = procedureAccess[path];
  if (entry?.kind === 'public') return next();
  const user = ctx.actorId === null ? undefined : await findUser(ctx.db, ctx.actorId);
  const caller = user ? { role: user.role } : ctx.token ? { scopes: ctx.token.scopes } : null;
  if (caller === null)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Log in (or send a token) to do this.' });
  if (!mayCall(entry, caller)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `You may not call ${path}.` });
  }
  if (user?.role !== 'account_manager') return next({ ctx: { ownerScope: null } });
  // An unreadable body names nothing: see `audited`.
  const input = await getRawInput().catch(() => undefined);
  await assertOwnWork({ db: ctx.db, path, input, managerId: user.id });
  return next({ ctx: { ownerScope: user.id } });
});

/** Text with a NUL character is refused before anything reads or stores it: see nul-characters.ts. */
const textWithoutNul = t.middleware(async ({ getRawInput, next }) => {
  refuseNulCharacters(await getRawInput().catch(() => undefined));
  return next();
});

export const publicProcedure = t.procedure
  .use(domainErrors)
  .use(access)
  .use(textWithoutNul)
  .use(audited);

/**
 * Only an admin may call it: users, teams, tokens, company settings, the audit trail. Anonymous
 * callers get 401; anyone else (another role, any integration token) 403.
 */
export const adminProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (ctx.actorId === null && !ctx.token) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Log in as an admin to do this.' });
  }
  const user = ctx.actorId === null ? undefined : await findUser(ctx.db, ctx.actorId);
  if (user?.role !== 'admin') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only an admin may do this.' });
  }
  return next();
});
