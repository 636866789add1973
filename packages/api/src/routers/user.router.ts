import { listUsers } from '@steadfast/db';
import { createRouter, publicProcedure } from '../trpc.ts';

export const userRouter = createRouter({
  list: publicProcedure.query(({ ctx }) => listUsers(ctx.db)),
});
