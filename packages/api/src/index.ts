export { analysedChange } from './analytics/analysed-change.ts';
export {
  accountCalendar,
  analyticsSettingsKey,
  loadAnalyticsSettings,
} from './analytics/analytics-settings.ts';
export { rebuildObservationVerdicts } from './analytics/observation-verdicts.ts';
export {
  scheduleServiceGapSnapshots,
  snapshotServiceGaps,
} from './analytics/service-gaps-snapshot.ts';
export { hashPassword, verifyPassword } from './auth/passwords.ts';
export { resolveBearerToken } from './auth/resolve-token.ts';
export { tokenHash } from './auth/session-tokens.ts';
export type { JobContext } from './background/job-kinds.ts';
export { scheduleObservationJudging } from './background/judge-observations.job.ts';
export { scheduleTouchpointSuggestions } from './background/touchpoint-suggest.job.ts';
export { scheduleTrustSnapshots, snapshotTrustScores } from './background/trust-snapshot.job.ts';
export {
  defaultWebhookDeliverySettings,
  deliverDueWebhooks,
  type WebhookDeliverySettings,
} from './background/webhook-delivery.ts';
export { jobHandlers, retryDelayMs, runDueJobs, scheduleRiskSweeps } from './background/worker.ts';
export {
  type CalendarFeedContent,
  calendarFeedFor,
  feedEntryLimit,
} from './calendar-feed/calendar-feed-for.ts';
export type { ApiContext, SessionCookie } from './context.ts';
export { errorFormatter, type SteadfastErrorData } from './error-formatter.ts';
export {
  integrationApiVersion,
  integrationOpenApiDocument,
} from './openapi/integration-document.ts';
export { type RestError, restErrorOf, restErrorOutput } from './openapi/rest-error.ts';
export {
  type AppRouter,
  appRouter,
  createCaller,
  type RouterInputs,
  type RouterOutputs,
} from './root.ts';
export * from './transfer/index.ts';
export { scheduleCharterReviewsDue } from './webhooks/review-due.ts';
export { type SendWebhook, sendWebhookOverHttp } from './webhooks/webhook-sender.ts';
