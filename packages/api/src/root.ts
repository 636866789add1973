import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { accountRouter } from './routers/account.router.ts';
import { promiseRouter } from './routers/promise.router.ts';
import { userRouter } from './routers/user.router.ts';
import { createCallerFactory, createRouter } from './trpc.ts';

export const appRouter = createRouter({
  account: accountRouter,
  promise: promiseRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
