import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './2026-11-24T120000_initial.ts';
import * as backgroundJobs from './2026-11-24T130000_background_jobs.ts';
import * as analytics from './2026-11-24T140000_analytics.ts';
import * as trustEvidence from './2026-11-24T150000_trust_evidence.ts';
import * as charters from './2026-11-24T160000_charters.ts';
import * as requests from './2026-11-24T161000_requests.ts';
import * as touchpoints from './2026-11-24T162000_touchpoints.ts';
import * as forecasts from './2026-11-24T170000_forecasts.ts';
import * as teams from './2026-11-24T180000_teams.ts';
import * as historyIndexes from './2026-11-24T181000_history_indexes.ts';
import * as sessions from './2026-11-24T190000_sessions.ts';
import * as apiTokens from './2026-11-24T191000_api_tokens.ts';
import * as auditLog from './2026-11-24T192000_audit_log.ts';
import * as webhooks from './2026-11-24T200000_webhooks.ts';
import * as calendarFeeds from './2026-11-24T201000_calendar_feeds.ts';
import * as imports from './2026-11-24T202000_imports.ts';
import * as webAdmin from './2026-11-24T203000_web_admin.ts';
import * as kindOutcomeDays from './2026-11-24T210000_kind_outcome_days.ts';
import * as trustContributionDays from './2026-11-24T211000_trust_contribution_days.ts';
import * as observationsOccurred from './2026-11-24T212000_observations_occurred.ts';
import * as promisesAtRisk from './2026-11-24T213000_promises_at_risk.ts';
import * as accountLastTouches from './2026-11-24T214000_account_last_touches.ts';
import * as promisesClosedOutcome from './2026-11-24T215000_promises_closed_outcome.ts';
import * as trustRankingSnapshot from './2026-11-24T220000_trust_ranking_snapshot.ts';
import * as attentionRollups from './2026-11-24T221000_attention_rollups.ts';
import * as observationVerdicts from './2026-11-24T222000_observation_verdicts.ts';
import * as trustHistoryReconstructed from './2026-11-24T223000_trust_history_reconstructed.ts';
import * as serviceGapSnapshots from './2026-11-24T224000_service_gap_snapshots.ts';
import * as attentionCovering from './2026-11-24T225000_attention_covering.ts';
import * as quietAccountsStage from './2026-11-24T226000_quiet_accounts_stage.ts';

/**
 * Every migration, by name, imported statically so bundlers keep them. Names sort by time;
 * add new ones at the end.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-24T120000_initial': initial,
  '2026-11-24T130000_background_jobs': backgroundJobs,
  '2026-11-24T140000_analytics': analytics,
  '2026-11-24T150000_trust_evidence': trustEvidence,
  '2026-11-24T160000_charters': charters,
  '2026-11-24T161000_requests': requests,
  '2026-11-24T162000_touchpoints': touchpoints,
  '2026-11-24T170000_forecasts': forecasts,
  '2026-11-24T180000_teams': teams,
  '2026-11-24T181000_history_indexes': historyIndexes,
  '2026-11-24T190000_sessions': sessions,
  '2026-11-24T191000_api_tokens': apiTokens,
  '2026-11-24T192000_audit_log': auditLog,
  '2026-11-24T202000_imports': imports,
  '2026-11-24T200000_webhooks': webhooks,
  '2026-11-24T201000_calendar_feeds': calendarFeeds,
  '2026-11-24T203000_web_admin': webAdmin,
  '2026-11-24T210000_kind_outcome_days': kindOutcomeDays,
  '2026-11-24T211000_trust_contribution_days': trustContributionDays,
  '2026-11-24T212000_observations_occurred': observationsOccurred,
  '2026-11-24T213000_promises_at_risk': promisesAtRisk,
  '2026-11-24T214000_account_last_touches': accountLastTouches,
  '2026-11-24T215000_promises_closed_outcome': promisesClosedOutcome,
  '2026-11-24T220000_trust_ranking_snapshot': trustRankingSnapshot,
  '2026-11-24T221000_attention_rollups': attentionRollups,
  '2026-11-24T222000_observation_verdicts': observationVerdicts,
  '2026-11-24T223000_trust_history_reconstructed': trustHistoryReconstructed,
  '2026-11-24T224000_service_gap_snapshots': serviceGapSnapshots,
  '2026-11-24T225000_attention_covering': attentionCovering,
  '2026-11-24T226000_quiet_accounts_stage': quietAccountsStage,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
