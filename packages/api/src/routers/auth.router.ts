import {
  clearLoginFailures,
  deleteSession,
  findLoginCredentials,
  findUser,
  insertSession,
  loginFailuresInWindow,
  recordLoginFailure,
} from '@steadfast/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { verifyPassword } from '../auth/passwords.ts';
import { newSessionToken, tokenHash } from '../auth/session-tokens.ts';
import { createRouter, publicProcedure } from '../trpc.ts';

/** After this many failed logins for one address within the window, it must wait. */
export const maxLoginFailures = 5;
export const loginFailureWindowMs = 15 * 60_000;
const sessionLifetimeMs = 30 * 86_400_000;

// Checked against when the address is unknown, so a wrong address costs as long as a wrong password.
const decoyHash =
  '$argon2id$v=19$m=19456,t=2,p=1$BCprzqSMcKKHTbGoS8XgxA$uddg2t3gyngsJUzIt68Q5ZdJB7p2sh94WIWmuIZtWLA';

const loginInputSchema = z.object({
  email: z.email({ error: 'must be an e-mail address' }),
  password: z.string().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters'),
});

export const authRouter = createRouter({
  /**
   * Logs in with e-mail and password and starts a session (an httpOnly, SameSite cookie over HTTP).
   * Wrong credentials are one 401 whatever was wrong; repeated failures for an address are a 429.
   */
  login: publicProcedure.input(loginInputSchema).mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    const window = { email: input.email, now, windowMs: loginFailureWindowMs };
    if ((await loginFailuresInWindow(ctx.db, window)) >= maxLoginFailures) {
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: 'Too many failed logins for this address: wait 15 minutes and try again.',
      });
    }
    const credentials = await findLoginCredentials(ctx.db, input.email);
    const ok = await verifyPassword(credentials?.passwordHash ?? decoyHash, input.password);
    if (!ok || credentials === undefined || credentials.passwordHash === null) {
      await recordLoginFailure(ctx.db, window);
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: 'That e-mail address and password do not match.',
      });
    }
    await clearLoginFailures(ctx.db, input.email);
    const token = newSessionToken();
    const expiresAt = new Date(Date.parse(now) + sessionLifetimeMs).toISOString();
    await insertSession(ctx.db, {
      tokenHash: tokenHash(token),
      userId: credentials.userId,
      createdAt: now,
      expiresAt,
    });
    ctx.session?.start(token, expiresAt);
    return { user: await findUser(ctx.db, credentials.userId), expiresAt };
  }),

  /** Ends the caller's session, here and in the store. */
  logout: publicProcedure.mutation(async ({ ctx }) => {
    const token = ctx.session?.token ?? null;
    if (token !== null) await deleteSession(ctx.db, tokenHash(token));
    ctx.session?.end();
    return { loggedOut: true };
  }),

  /** The integration token the caller presented, with its scopes; null for any other caller. */
  token: publicProcedure.query(({ ctx }) => ctx.token ?? null),

  /** Who the caller is logged in as; null when not logged in. */
  me: publicProcedure.query(async ({ ctx }) =>
    ctx.actorId === null ? null : ((await findUser(ctx.db, ctx.actorId)) ?? null),
  ),
});
