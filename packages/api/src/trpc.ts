import { findUser, insertAuditEntry, inTransaction } from '@steadfast/db';
import { type DomainError, type DomainErrorKind, isDomainError } from '@steadfast/domain';
import { getTRPCErrorFromUnknown, initTRPC, TRPCError } from '@trpc/server';
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

/** A domain error as the tRPC error its kind calls for (400, 422, 409, 404). */
function fromDomainError(cause: DomainError): TRPCError {
  return new TRPCError({ code: trpcCodeByKind[cause.kind], message: cause.message, cause });
}

/** Writes that are the caller's own session, not data: not wrapped, so a failed login still counts. */
const unaudited = new Set(['auth.login', 'auth.logout']);

export const createRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

interface Call {
  ctx: ApiContext;
  path: string;
  getRawInput: () => Promise<unknown>;
}

/**
 * Every call is checked against the procedure's entry in `procedureAccess` before its input is
 * read: nobody logged in is a 401, a caller without the role or scope a 403, and a procedure
 * without an entry is refused to everyone. Gives back whose work an account manager is kept to
 * (`ownerScope`), null for everyone else, undefined for a public procedure.
 */
async function checkAccess({ ctx, path, getRawInput }: Call): Promise<string | null | undefined> {
  const entry = procedureAccess[path];
  if (entry?.kind === 'public') return undefined;
  const user = ctx.actorId === null ? undefined : await findUser(ctx.db, ctx.actorId);
  const caller = user ? { role: user.role } : ctx.token ? { scopes: ctx.token.scopes } : null;
  if (caller === null)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Log in (or send a token) to do this.' });
  if (!mayCall(entry, caller)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `You may not call ${path}.` });
  }
  if (user?.role !== 'account_manager') return null;
  // An unreadable body names nothing: see `guarded`.
  const input = await getRawInput().catch(() => undefined);
  await assertOwnWork({ db: ctx.db, path, input, managerId: user.id });
  return user.id;
}

/**
 * What every procedure goes through, in this order (one tRPC middleware: each one more costs a
 * copy of the call's options and context, on every call):
 * - access: `checkAccess` above;
 * - text with a NUL character is refused before anything reads or stores it (nul-characters.ts);
 * - every write is one transaction with its audit entry: the procedure runs on a transaction, the
 *   entry (who, what, when, version before and after) is added in it, and either both are kept or
 *   neither. A write that fails rolls back whatever it had done;
 * - domain errors, thrown by any of these or by the procedure, become tRPC errors with the code
 *   their kind calls for (400, 422, 409, 404).
 */
const guarded = t.middleware(async ({ ctx, type, path, getRawInput, next }) => {
  const guard = async () => {
    const ownerScope = await checkAccess({ ctx, path, getRawInput });
    // An unreadable body is no input to check or record: tRPC's httpLink sends none to a
    // mutation without input, and a procedure with input refuses a broken body itself (400)
    // when it reads it.
    const input = await getRawInput().catch(() => undefined);
    refuseNulCharacters(input);
    if (type !== 'mutation' || unaudited.has(path))
      return ownerScope === undefined ? next() : next({ ctx: { ownerScope } });
    return inTransaction(ctx.db, async (trx) => {
      const result = await next({
        ctx: ownerScope === undefined ? { db: trx } : { ownerScope, db: trx },
      });
      if (!result.ok) throw result.error;
      const entry = auditEntryFor({ ctx, id: ctx.newId(), path, input, output: result.data });
      await insertAuditEntry(trx, entry);
      return result;
    });
  };
  let result: Awaited<ReturnType<typeof guard>>;
  try {
    result = await guard();
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    throw isDomainError(error.cause) ? fromDomainError(error.cause) : error;
  }
  if (!result.ok && isDomainError(result.error.cause)) throw fromDomainError(result.error.cause);
  return result;
});

export const publicProcedure = t.procedure.use(guarded);

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
