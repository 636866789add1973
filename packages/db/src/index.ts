export {
  type DatabaseConfig,
  type DatabaseHandle,
  type DatabaseKind,
  isUniqueViolation,
  openDatabase,
  redactPassword,
} from './connection.ts';
export { migrateToLatest } from './migrate.ts';
export * from './queries/account.queries.ts';
export * from './queries/account-last-touches.queries.ts';
export * from './queries/analytics.queries.ts';
export * from './queries/api-token.queries.ts';
export * from './queries/attention-rollups.queries.ts';
export * from './queries/audit-log.queries.ts';
export * from './queries/background-job.queries.ts';
export * from './queries/calendar-feed.queries.ts';
export * from './queries/calendar-feed-entries.queries.ts';
// The row shapes the app writes, for tools that bulk-write history exactly as the app would (bench).
export { headToRow, observationToRow, versionToRow } from './queries/charter.mapping.ts';
export * from './queries/charter.queries.ts';
export * from './queries/charter-reviews-due.queries.ts';
export * from './queries/dashboard-rollups.queries.ts';
export * from './queries/forecast.queries.ts';
export * from './queries/kind-outcome-days.queries.ts';
export * from './queries/observation-verdicts.queries.ts';
export * from './queries/ownership.queries.ts';
export * from './queries/portfolio.queries.ts';
export { eventToRow, projectionToRow } from './queries/promise.mapping.ts';
export * from './queries/promise.queries.ts';
export * from './queries/promise-batch.queries.ts';
export * from './queries/request.queries.ts';
export * from './queries/service-gap.queries.ts';
export * from './queries/service-gap-snapshot.queries.ts';
export * from './queries/session.queries.ts';
export * from './queries/settings.queries.ts';
export * from './queries/touchpoint.queries.ts';
export * from './queries/transfer.queries.ts';
export * from './queries/trust-contribution-days.queries.ts';
export * from './queries/trust-evidence.queries.ts';
export * from './queries/trust-history.queries.ts';
export * from './queries/trust-ranking.queries.ts';
export * from './queries/user.queries.ts';
export * from './queries/webhook-delivery.queries.ts';
export * from './queries/webhook-subscription.queries.ts';
export { keepIf } from './savepoint.ts';
export type { Database, Db } from './schema/database.ts';
export {
  backupSqliteFile,
  closeSqliteStoreForReplacement,
  inspectSqliteStore,
  type SqliteStoreInspection,
} from './sqlite-file.ts';
export { inTransaction } from './transaction.ts';
