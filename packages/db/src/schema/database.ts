import type { Kysely, Transaction } from 'kysely';
import type { AccountTable } from './account.table.ts';
import type { AuditLogTable } from './audit-log.table.ts';
import type { BackgroundJobTable } from './background-job.table.ts';
import type { CalendarFeedTable } from './calendar-feed.table.ts';
import type { CharterTables } from './charter.tables.ts';
import type { ContactTable } from './contact.table.ts';
import type { DashboardRollupTables } from './dashboard-rollup.tables.ts';
import type { ForecastTables } from './forecast.tables.ts';
import type { ImportKeyTable } from './import-key.table.ts';
import type { PromiseTable } from './promise.table.ts';
import type { PromiseEventTable } from './promise-event.table.ts';
import type { RequestTables } from './request.tables.ts';
import type { SessionTables } from './session.tables.ts';
import type { SettingTable } from './setting.table.ts';
import type { TouchpointTables } from './touchpoint.tables.ts';
import type { TrustEvidenceTable } from './trust-evidence.table.ts';
import type { TeamTable, UserTable } from './user.table.ts';
import type { WebhookTables } from './webhook.tables.ts';

export interface Database
  extends CharterTables,
    DashboardRollupTables,
    ForecastTables,
    RequestTables,
    SessionTables,
    TouchpointTables,
    WebhookTables {
  users: UserTable;
  audit_log: AuditLogTable;
  calendar_feeds: CalendarFeedTable;
  teams: TeamTable;
  accounts: AccountTable;
  contacts: ContactTable;
  promises: PromiseTable;
  promise_events: PromiseEventTable;
  background_jobs: BackgroundJobTable;
  settings: SettingTable;
  trust_evidence: TrustEvidenceTable;
  import_keys: ImportKeyTable;
}

/** The database, or a transaction on it: queries take either. */
export type Db = Kysely<Database> | Transaction<Database>;
