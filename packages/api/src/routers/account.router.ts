import { findAccount, findUser, insertAccount, listAccounts, listContacts } from '@steadfast/db';
import {
  type Account,
  accountStages,
  createAccountInputSchema,
  idSchema,
  notFound,
} from '@steadfast/domain';
import { z } from 'zod';
import { accountOutput, accountWithContactsOutput } from '../openapi/account.schemas.ts';
import { integrationRoutes } from '../openapi/integration-routes.ts';
import { createRouter, publicProcedure } from '../trpc.ts';

export const accountRouter = createRouter({
  list: publicProcedure
    .meta(integrationRoutes['account.list'])
    .input(
      z
        .object({ stage: z.enum(accountStages).optional(), ownerId: idSchema.optional() })
        .default({}),
    )
    .output(z.array(accountOutput))
    .query(({ ctx, input }) =>
      listAccounts(ctx.db, { ...input, ownerId: ctx.ownerScope ?? input.ownerId }),
    ),

  get: publicProcedure
    .meta(integrationRoutes['account.get'])
    .input(z.object({ id: idSchema }))
    .output(accountWithContactsOutput)
    .query(async ({ ctx, input }) => {
      const account = await findAccount(ctx.db, input.id);
      if (account === undefined) throw notFound('account', input.id, 'id');
      return { account, contacts: await listContacts(ctx.db, account.id) };
    }),

  create: publicProcedure.input(createAccountInputSchema).mutation(async ({ ctx, input }) => {
    if ((await findUser(ctx.db, input.ownerId)) === undefined) {
      throw notFound('user', input.ownerId, 'ownerId');
    }
    const account: Account = { ...input, id: ctx.newId(), createdAt: ctx.now(), version: 1 };
    await insertAccount(ctx.db, account);
    return account;
  }),
});
