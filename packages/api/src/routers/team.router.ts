import {
  findTeam,
  findUser,
  insertTeam,
  inTransaction,
  listTeams,
  setUserTeam,
} from '@steadfast/db';
import { idSchema, notFound } from '@steadfast/domain';
import { z } from 'zod';
import { enqueueTrustRebuild } from '../background/rebuild-trust.job.ts';
import { adminProcedure, createRouter, publicProcedure } from '../trpc.ts';

export const teamRouter = createRouter({
  list: publicProcedure.query(({ ctx }) => listTeams(ctx.db)),

  /** A team of account managers, whose trust is scored together. */
  create: adminProcedure
    .input(
      z.object({
        name: z
          .string()
          .trim()
          .min(1, 'must not be empty')
          .max(100, 'must be at most 100 characters'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const team = { id: ctx.newId(), name: input.name, createdAt: ctx.now() };
      await insertTeam(ctx.db, team);
      return team;
    }),

  /**
   * Puts a user in a team (or in none). Team trust counts each closed promise for its owner's
   * team, so the stored evidence is rebuilt for the new membership.
   */
  assign: adminProcedure
    .input(z.object({ userId: idSchema, teamId: idSchema.nullable() }))
    .mutation(({ ctx, input }) =>
      inTransaction(ctx.db, async (trx) => {
        if (input.teamId !== null && (await findTeam(trx, input.teamId)) === undefined) {
          throw notFound('team', input.teamId, 'teamId');
        }
        if (!(await setUserTeam(trx, input))) throw notFound('user', input.userId, 'userId');
        await enqueueTrustRebuild(trx, ctx.now(), ctx.newId());
        return findUser(trx, input.userId);
      }),
    ),
});
