import { insertApiToken, listApiTokens, revokeApiToken } from '@steadfast/db';
import { type ApiToken, createApiTokenInputSchema, idSchema, notFound } from '@steadfast/domain';
import { z } from 'zod';
import { newTokenSecret } from '../auth/api-token-secrets.ts';
import { forgetVerifiedToken } from '../auth/resolve-token.ts';
import { adminProcedure, createRouter } from '../trpc.ts';

export const tokenRouter = createRouter({
  /**
   * Creates an integration token with scopes. Its secret is in the answer once and never again:
   * only its hash is stored.
   */
  create: adminProcedure.input(createApiTokenInputSchema).mutation(async ({ ctx, input }) => {
    const token: ApiToken = {
      id: ctx.newId(),
      name: input.name,
      scopes: input.scopes,
      createdBy: ctx.actorId,
      createdAt: ctx.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    const { presented, secretHash } = newTokenSecret(token.id);
    await insertApiToken(ctx.db, { ...token, secretHash });
    return { token, secret: presented };
  }),

  /** Every token with its scopes and last use; never a secret. */
  list: adminProcedure.query(({ ctx }) => listApiTokens(ctx.db)),

  /** Revokes a token: from now on it is refused. */
  revoke: adminProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
    // Before the write: from now on every use reads the token from the store.
    forgetVerifiedToken(input.id);
    if (!(await revokeApiToken(ctx.db, input.id, ctx.now())))
      throw notFound('token', input.id, 'id');
    return { revoked: true };
  }),
});
