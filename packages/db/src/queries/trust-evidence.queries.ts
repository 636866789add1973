import { evidenceAnchor, type TrustEvidence } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';
import type { TrustEvidenceRow, TrustEvidenceTable } from '../schema/trust-evidence.table.ts';

export type TrustScopeType = 'account' | 'manager' | 'team' | 'company';
export interface TrustScopeRef {
  type: TrustScopeType;
  id: string;
}

/** The company's scope id: there is one company per store. */
export const companyScope: TrustScopeRef = { type: 'company', id: 'company' };

export type TrustEvidenceSums = Omit<TrustEvidenceTable, 'scope_type' | 'scope_id'>;

/** Evidence as the columns of a stored sum. */
export function toSums(evidence: TrustEvidence): TrustEvidenceSums {
  return {
    positive: evidence.positive,
    negative: evidence.negative,
    delivered_weight: evidence.deliveredWeight,
    lateness_sum: evidence.latenessSum,
    lateness_squared_sum: evidence.latenessSquaredSum,
    announced_slip_weight: evidence.announcedSlipWeight,
    silent_slip_weight: evidence.silentSlipWeight,
    announced_slips: evidence.announcedSlips,
    slips: evidence.slips,
    outcomes: evidence.outcomes,
    count_early: evidence.counts.early,
    count_on_time: evidence.counts.on_time,
    count_late: evidence.counts.late,
    count_renegotiated_kept: evidence.counts.renegotiated_kept,
    count_missed: evidence.counts.missed,
    count_released: evidence.counts.released,
    count_cancelled: evidence.counts.cancelled,
  };
}

const sumColumnNames = Object.keys(
  toSums({
    asOf: evidenceAnchor,
    positive: 0,
    negative: 0,
    deliveredWeight: 0,
    latenessSum: 0,
    latenessSquaredSum: 0,
    announcedSlipWeight: 0,
    silentSlipWeight: 0,
    announcedSlips: 0,
    slips: 0,
    outcomes: 0,
    counts: {
      early: 0,
      on_time: 0,
      late: 0,
      renegotiated_kept: 0,
      missed: 0,
      released: 0,
      cancelled: 0,
    },
  }),
) as (keyof TrustEvidenceSums)[];

/** A stored sum as evidence at the anchor. */
export function toEvidence(row: TrustEvidenceRow): TrustEvidence {
  const n = (value: number | string) => Number(value);
  return {
    asOf: evidenceAnchor,
    positive: n(row.positive),
    negative: n(row.negative),
    deliveredWeight: n(row.delivered_weight),
    latenessSum: n(row.lateness_sum),
    latenessSquaredSum: n(row.lateness_squared_sum),
    announcedSlipWeight: n(row.announced_slip_weight),
    silentSlipWeight: n(row.silent_slip_weight),
    announcedSlips: n(row.announced_slips),
    slips: n(row.slips),
    outcomes: n(row.outcomes),
    counts: {
      early: n(row.count_early),
      on_time: n(row.count_on_time),
      late: n(row.count_late),
      renegotiated_kept: n(row.count_renegotiated_kept),
      missed: n(row.count_missed),
      released: n(row.count_released),
      cancelled: n(row.count_cancelled),
    },
  };
}

/**
 * Adds one closed promise's evidence (expressed at the anchor) to each scope it counts for, as an
 * atomic `x = x + Δ` per column: concurrent writers never lose each other's evidence.
 */
export async function addTrustEvidence(
  db: Db,
  scopes: readonly TrustScopeRef[],
  contribution: TrustEvidence,
): Promise<void> {
  const sums = toSums(contribution);
  for (const scope of scopes) {
    await db
      .insertInto('trust_evidence')
      .values({ scope_type: scope.type, scope_id: scope.id, ...sums })
      .onConflict((oc) =>
        oc.columns(['scope_type', 'scope_id']).doUpdateSet((eb) => {
          const add = (column: keyof TrustEvidenceSums) =>
            eb(`trust_evidence.${column}`, '+', eb.ref(`excluded.${column}`));
          return Object.fromEntries(
            (Object.keys(sums) as (keyof TrustEvidenceSums)[]).map((column) => [
              column,
              add(column),
            ]),
          );
        }),
      )
      .execute();
  }
}

/**
 * `addTrustEvidence` for many scopes at once, each with its own sums, in multi-row statements (one
 * row per scope: a statement may not add to the same row twice). Rows go in scope order, so
 * concurrent writers on PostgreSQL lock shared scopes (the company) in the same order.
 */
export async function addTrustEvidenceSums(
  db: Db,
  entries: readonly { scope: TrustScopeRef; sums: TrustEvidenceSums }[],
): Promise<void> {
  const rows = entries
    .map(({ scope, sums }) => ({ scope_type: scope.type, scope_id: scope.id, ...sums }))
    .sort(
      (a, b) => a.scope_type.localeCompare(b.scope_type) || a.scope_id.localeCompare(b.scope_id),
    );
  // 19 bind parameters a row: far below SQLite's and PostgreSQL's limits.
  for (let start = 0; start < rows.length; start += 100) {
    await db
      .insertInto('trust_evidence')
      .values(rows.slice(start, start + 100))
      .onConflict((oc) =>
        oc.columns(['scope_type', 'scope_id']).doUpdateSet((eb) => {
          const add = (column: keyof TrustEvidenceSums) =>
            eb(`trust_evidence.${column}`, '+', eb.ref(`excluded.${column}`));
          return Object.fromEntries(sumColumnNames.map((column) => [column, add(column)]));
        }),
      )
      .execute();
  }
}

/** A scope's evidence at the anchor; none yet for a scope without a closed promise. */
export async function findTrustEvidence(
  db: Db,
  scope: TrustScopeRef,
): Promise<TrustEvidence | undefined> {
  const row = await db
    .selectFrom('trust_evidence')
    .selectAll()
    .where('scope_type', '=', scope.type)
    .where('scope_id', '=', scope.id)
    .executeTakeFirst();
  return row && toEvidence(row);
}

/** Every scope's evidence of one type (for rankings): one row per account or manager. */
export async function listTrustEvidence(
  db: Db,
  type: TrustScopeType,
): Promise<{ scopeId: string; evidence: TrustEvidence }[]> {
  const rows = await db
    .selectFrom('trust_evidence')
    .selectAll()
    .where('scope_type', '=', type)
    .execute();
  return rows.map((row) => ({ scopeId: row.scope_id, evidence: toEvidence(row) }));
}

/** Forgets all stored evidence, before it is rebuilt from the promises (in the same transaction). */
export async function clearTrustEvidence(db: Db): Promise<void> {
  await db.deleteFrom('trust_evidence').execute();
}
