import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { accountRouter } from './routers/account.router.ts';
import { auditRouter } from './routers/audit.router.ts';
import { authRouter } from './routers/auth.router.ts';
import { calendarRouter } from './routers/calendar.router.ts';
import { calendarFeedRouter } from './routers/calendar-feed.router.ts';
import { calibrationRouter } from './routers/calibration.router.ts';
import { charterRouter } from './routers/charter.router.ts';
import { driftRouter } from './routers/drift.router.ts';
import { forecastRouter } from './routers/forecast.router.ts';
import { importRouter } from './routers/import.router.ts';
import { portfolioRouter } from './routers/portfolio.router.ts';
import { promiseRouter } from './routers/promise.router.ts';
import { requestRouter } from './routers/request.router.ts';
import { riskRouter } from './routers/risk.router.ts';
import { settingsRouter } from './routers/settings.router.ts';
import { teamRouter } from './routers/team.router.ts';
import { tokenRouter } from './routers/token.router.ts';
import { touchpointRouter } from './routers/touchpoint.router.ts';
import { trustRouter } from './routers/trust.router.ts';
import { userRouter } from './routers/user.router.ts';
import { webhookRouter } from './routers/webhook.router.ts';
import { createCallerFactory, createRouter } from './trpc.ts';

export const appRouter = createRouter({
  account: accountRouter,
  audit: auditRouter,
  auth: authRouter,
  calendar: calendarRouter,
  calendarFeed: calendarFeedRouter,
  calibration: calibrationRouter,
  charter: charterRouter,
  drift: driftRouter,
  forecast: forecastRouter,
  import: importRouter,
  portfolio: portfolioRouter,
  promise: promiseRouter,
  request: requestRouter,
  risk: riskRouter,
  settings: settingsRouter,
  team: teamRouter,
  token: tokenRouter,
  touchpoint: touchpointRouter,
  trust: trustRouter,
  user: userRouter,
  webhook: webhookRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
