import {
  findUser,
  findUserByEmail,
  insertUser,
  listUsers,
  setUserPasswordHash,
  setUserRole,
} from '@steadfast/db';
import { DomainError, idSchema, notFound, type User, userRoles } from '@steadfast/domain';
import { z } from 'zod';
import { hashPassword } from '../auth/passwords.ts';
import { adminProcedure, createRouter, publicProcedure } from '../trpc.ts';

const passwordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(1000, 'must be at most 1000 characters');

export const userRouter = createRouter({
  list: publicProcedure.query(({ ctx }) => listUsers(ctx.db)),

  /** Adds a person with a role (and a first password they can log in with). */
  create: adminProcedure
    .input(
      z.object({
        name: z
          .string()
          .trim()
          .min(1, 'must not be empty')
          .max(200, 'must be at most 200 characters'),
        email: z.email({ error: 'must be an e-mail address' }),
        role: z.enum(userRoles),
        password: passwordSchema,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if ((await findUserByEmail(ctx.db, input.email)) !== undefined) {
        throw new DomainError({
          code: 'email_taken',
          kind: 'conflict',
          field: 'email',
          message: 'is already used by another person',
        });
      }
      const user: User = {
        id: ctx.newId(),
        name: input.name,
        email: input.email,
        role: input.role,
        teamId: null,
        createdAt: ctx.now(),
      };
      await insertUser(ctx.db, user);
      await setUserPasswordHash(ctx.db, user.id, await hashPassword(input.password));
      return user;
    }),

  /** Gives a person another role: account manager, leader or admin. */
  setRole: adminProcedure
    .input(z.object({ userId: idSchema, role: z.enum(userRoles) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await setUserRole(ctx.db, input))) throw notFound('user', input.userId, 'userId');
      return findUser(ctx.db, input.userId);
    }),
});
