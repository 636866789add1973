import type { TrustEvidence } from '@steadfast/domain';
import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../schema/database.ts';
import {
  type TrustEvidenceSums,
  type TrustScopeRef,
  toEvidence,
  toSums,
} from './trust-evidence.queries.ts';

// A scope's trust at a past month-end is today's evidence less the contributions of the promises
// closed after it (all expressed at the anchor, so subtraction is exact). Summed per UTC day of
// closing, that is at most one row per day instead of one per closed promise.

const sumColumns = [
  'positive',
  'negative',
  'delivered_weight',
  'lateness_sum',
  'lateness_squared_sum',
  'announced_slip_weight',
  'silent_slip_weight',
  'announced_slips',
  'slips',
  'outcomes',
  'count_early',
  'count_on_time',
  'count_late',
  'count_renegotiated_kept',
  'count_missed',
  'count_released',
  'count_cancelled',
] as const satisfies readonly (keyof TrustEvidenceSums)[];

/**
 * Adds one closed promise's contribution to its closing day's sum for a scope: called beside
 * insertTrustContribution, in the same transaction, as an atomic `x = x + Δ` per column.
 */
export async function addTrustContributionDay(
  db: Db,
  entry: { scope: TrustScopeRef; closedAt: string; evidence: TrustEvidence },
): Promise<void> {
  const sums = toSums(entry.evidence);
  await db
    .insertInto('trust_contribution_days')
    .values({
      scope_type: entry.scope.type,
      scope_id: entry.scope.id,
      day: entry.closedAt.slice(0, 10),
      ...sums,
    })
    .onConflict((oc) =>
      oc
        .columns(['scope_type', 'scope_id', 'day'])
        .doUpdateSet((eb) =>
          Object.fromEntries(
            sumColumns.map((column) => [
              column,
              eb(`trust_contribution_days.${column}`, '+', eb.ref(`excluded.${column}`)),
            ]),
          ),
        ),
    )
    .execute();
}

/**
 * `addTrustContributionDay` for many scopes and days at once, each with its own sums, in
 * multi-row statements (one row per scope and day), in key order (see `addTrustEvidenceSums`).
 */
export async function addTrustContributionDays(
  db: Db,
  entries: readonly { scope: TrustScopeRef; day: string; sums: TrustEvidenceSums }[],
): Promise<void> {
  const rows = entries
    .map(({ scope, day, sums }) => ({ scope_type: scope.type, scope_id: scope.id, day, ...sums }))
    .sort(
      (a, b) =>
        a.scope_type.localeCompare(b.scope_type) ||
        a.scope_id.localeCompare(b.scope_id) ||
        a.day.localeCompare(b.day),
    );
  // 20 bind parameters a row: far below SQLite's and PostgreSQL's limits.
  for (let start = 0; start < rows.length; start += 100) {
    await db
      .insertInto('trust_contribution_days')
      .values(rows.slice(start, start + 100))
      .onConflict((oc) =>
        oc
          .columns(['scope_type', 'scope_id', 'day'])
          .doUpdateSet((eb) =>
            Object.fromEntries(
              sumColumns.map((column) => [
                column,
                eb(`trust_contribution_days.${column}`, '+', eb.ref(`excluded.${column}`)),
              ]),
            ),
          ),
      )
      .execute();
  }
}

/**
 * A scope's contributions summed per day of closing, for the days after `afterDay` (exclusive),
 * oldest first: at most one row per day.
 */
export async function listTrustContributionDaysAfter(
  db: Db,
  scope: TrustScopeRef,
  afterDay: string,
): Promise<{ day: string; evidence: TrustEvidence }[]> {
  const rows = await db
    .selectFrom('trust_contribution_days')
    .selectAll()
    .where('scope_type', '=', scope.type)
    .where('scope_id', '=', scope.id)
    .where('day', '>', afterDay)
    .orderBy('day')
    .execute();
  return rows.map((row) => ({ day: row.day, evidence: toEvidence(row) }));
}

/** Forgets the daily sums (with the contributions, before trust evidence is rebuilt). */
export async function clearTrustContributionDays(db: Db): Promise<void> {
  await db.deleteFrom('trust_contribution_days').execute();
}

/** JSON paths of each sum in a stored contribution (`TrustEvidence`). */
const jsonPaths: Record<(typeof sumColumns)[number], readonly string[]> = {
  positive: ['positive'],
  negative: ['negative'],
  delivered_weight: ['deliveredWeight'],
  lateness_sum: ['latenessSum'],
  lateness_squared_sum: ['latenessSquaredSum'],
  announced_slip_weight: ['announcedSlipWeight'],
  silent_slip_weight: ['silentSlipWeight'],
  announced_slips: ['announcedSlips'],
  slips: ['slips'],
  outcomes: ['outcomes'],
  count_early: ['counts', 'early'],
  count_on_time: ['counts', 'on_time'],
  count_late: ['counts', 'late'],
  count_renegotiated_kept: ['counts', 'renegotiated_kept'],
  count_missed: ['counts', 'missed'],
  count_released: ['counts', 'released'],
  count_cancelled: ['counts', 'cancelled'],
};

/**
 * Sums every stored contribution per scope and day of closing afresh: after a bulk load that
 * wrote trust_contributions without the write path. One grouped scan, the JSON read in SQL.
 */
export async function rebuildTrustContributionDays(db: Db): Promise<void> {
  await clearTrustContributionDays(db);
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const field = (path: readonly string[]) =>
    postgres
      ? sql`(evidence::jsonb #>> ${sql.lit(`{${path.join(',')}}`)})::double precision`
      : sql`json_extract(evidence, ${sql.lit(`$.${path.join('.')}`)})`;
  const day = sql<string>`substr(closed_at, 1, 10)`;
  await db
    .insertInto('trust_contribution_days')
    .columns(['scope_type', 'scope_id', 'day', ...sumColumns])
    .expression(
      db
        .selectFrom('trust_contributions')
        .select([
          'scope_type',
          'scope_id',
          day.as('day'),
          ...sumColumns.map((column) => sql`sum(${field(jsonPaths[column])})`.as(column)),
        ])
        .groupBy(['scope_type', 'scope_id', day]),
    )
    .execute();
}
