import type {
  FrictionCostTally,
  FrictionImpact,
  FrictionReport,
  FrictionTally,
} from '@steadfast/domain';
import type { Db } from '../schema/database.ts';
import type { FrictionReportRow } from '../schema/request.tables.ts';

function rowToFrictionReport(row: FrictionReportRow): FrictionReport {
  return {
    id: row.id,
    accountId: row.account_id,
    policy: row.policy,
    policyKey: row.policy_key,
    whatHappened: row.what_happened,
    impact: row.impact as FrictionImpact,
    cost:
      row.cost_amount === null || row.cost_currency === null
        ? null
        : { amount: Number(row.cost_amount), currency: row.cost_currency },
    reportedById: row.reported_by,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
  };
}

export async function insertFrictionReport(db: Db, report: FrictionReport): Promise<void> {
  await db
    .insertInto('friction_reports')
    .values({
      id: report.id,
      account_id: report.accountId,
      policy: report.policy,
      policy_key: report.policyKey,
      what_happened: report.whatHappened,
      impact: report.impact,
      cost_amount: report.cost?.amount ?? null,
      cost_currency: report.cost?.currency ?? null,
      reported_by: report.reportedById,
      occurred_at: report.occurredAt,
      recorded_at: report.recordedAt,
    })
    .execute();
}

export interface FrictionFilter {
  accountId?: string | undefined;
  policyKey?: string | undefined;
  /** Occurred at or after. */
  from?: string | undefined;
  /** Occurred at or before. */
  to?: string | undefined;
}

function frictionReports(db: Db, filter: FrictionFilter) {
  let query = db.selectFrom('friction_reports');
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  if (filter.policyKey !== undefined) query = query.where('policy_key', '=', filter.policyKey);
  if (filter.from !== undefined) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('occurred_at', '<=', filter.to);
  return query;
}

/** Friction reports, most recent first. */
export async function listFrictionReports(
  db: Db,
  filter: FrictionFilter & { limit: number },
): Promise<FrictionReport[]> {
  const rows = await frictionReports(db, filter)
    .selectAll()
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(rowToFrictionReport);
}

/** Reports counted per policy, spelling and impact, and costs summed per policy and currency. */
export async function tallyFriction(
  db: Db,
  filter: FrictionFilter,
): Promise<{ tallies: FrictionTally[]; costs: FrictionCostTally[] }> {
  const [tallies, costs] = await Promise.all([
    frictionReports(db, filter)
      .select((eb) => [
        'policy_key',
        'policy',
        'impact',
        eb.fn.countAll<number | string>().as('reports'),
        eb.fn.max('occurred_at').as('last_occurred_at'),
      ])
      // By spelling too, so the domain can show the name most recently used (no collation needed).
      .groupBy(['policy_key', 'policy', 'impact'])
      .execute(),
    frictionReports(db, filter)
      .where('cost_currency', 'is not', null)
      .select((eb) => [
        'policy_key',
        'cost_currency',
        eb.fn.sum<number | string>('cost_amount').as('total'),
        eb.fn.countAll<number | string>().as('reports'),
      ])
      .groupBy(['policy_key', 'cost_currency'])
      .execute(),
  ]);
  return {
    tallies: tallies.map((row) => ({
      policyKey: row.policy_key,
      policy: row.policy,
      impact: row.impact as FrictionImpact,
      reports: Number(row.reports),
      lastOccurredAt: row.last_occurred_at,
    })),
    costs: costs.map((row) => ({
      policyKey: row.policy_key,
      currency: row.cost_currency ?? '',
      total: Number(row.total),
      reports: Number(row.reports),
    })),
  };
}
