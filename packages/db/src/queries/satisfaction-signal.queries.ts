import type { SatisfactionSignal, SatisfactionSource, SatisfactionTally } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';
import type { SatisfactionSignalRow } from '../schema/request.tables.ts';

function rowToSatisfactionSignal(row: SatisfactionSignalRow): SatisfactionSignal {
  const { score_value: value, score_min: min, score_max: max, normalised_score: normalised } = row;
  return {
    id: row.id,
    accountId: row.account_id,
    score:
      value === null || min === null || max === null || normalised === null
        ? null
        : {
            value: Number(value),
            min: Number(min),
            max: Number(max),
            normalised: Number(normalised),
          },
    words: row.words,
    source: row.source as SatisfactionSource,
    receivedAt: row.received_at,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

export async function insertSatisfactionSignal(db: Db, signal: SatisfactionSignal): Promise<void> {
  await db
    .insertInto('satisfaction_signals')
    .values({
      id: signal.id,
      account_id: signal.accountId,
      score_value: signal.score?.value ?? null,
      score_min: signal.score?.min ?? null,
      score_max: signal.score?.max ?? null,
      normalised_score: signal.score?.normalised ?? null,
      words: signal.words,
      source: signal.source,
      received_at: signal.receivedAt,
      recorded_at: signal.recordedAt,
      recorded_by: signal.recordedBy,
    })
    .execute();
}

export interface SatisfactionFilter {
  accountId: string;
  /** Received at or after. */
  from?: string | undefined;
  /** Received at or before. */
  to?: string | undefined;
}

function accountSignals(db: Db, filter: SatisfactionFilter) {
  let query = db.selectFrom('satisfaction_signals').where('account_id', '=', filter.accountId);
  if (filter.from !== undefined) query = query.where('received_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('received_at', '<=', filter.to);
  return query;
}

/** An account's satisfaction signals, most recently received first (`scored`: only scores). */
export async function listSatisfactionSignals(
  db: Db,
  filter: SatisfactionFilter & { limit: number; scored?: boolean },
): Promise<SatisfactionSignal[]> {
  let query = accountSignals(db, filter).selectAll();
  if (filter.scored === true) query = query.where('normalised_score', 'is not', null);
  const rows = await query
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(rowToSatisfactionSignal);
}

/** How many signals an account has in a period, how many scored, and their normalised sum. */
export async function tallySatisfaction(
  db: Db,
  filter: SatisfactionFilter,
): Promise<SatisfactionTally> {
  const row = await accountSignals(db, filter)
    .select((eb) => [
      eb.fn.countAll<number | string>().as('signals'),
      eb.fn.count<number | string>('normalised_score').as('scored'),
      eb.fn.sum<number | string | null>('normalised_score').as('normalised_sum'),
    ])
    .executeTakeFirstOrThrow();
  return {
    signals: Number(row.signals),
    scored: Number(row.scored),
    normalisedSum: Number(row.normalised_sum ?? 0),
  };
}
