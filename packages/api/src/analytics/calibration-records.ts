import { type Db, type DurationRow, findAccountsByIds, listRecentDurations } from '@steadfast/db';
import {
  type AnalyticsSettings,
  businessMinutesBetween,
  type CalibrationQuestion,
  type CalibrationRecord,
  type Instant,
} from '@steadfast/domain';
import { accountCalendar } from './analytics-settings.ts';

/** How much recent history each calibration scope reads: bounded, whatever the store's size. */
export const recentHistoryLimit = 2000;

/**
 * The record calibration learns from for a question: the most recent promises of the kind for the
 * account, the owner, the company, and of every kind (the fallback chain's scopes), each bounded.
 * Fulfilled promises are events; missed, released and cancelled ones are censored at their close;
 * open ones are censored at the business time elapsed so far ("it has taken more than this").
 */
export async function loadCalibrationRecords(options: {
  db: Db;
  question: CalibrationQuestion;
  settings: AnalyticsSettings;
  now: Instant;
  excludePromiseId?: string;
}): Promise<CalibrationRecord[]> {
  const { db, question } = options;
  const scopes = [
    { kind: question.kind, accountId: question.accountId ?? undefined },
    { kind: question.kind, ownerId: question.ownerId ?? undefined },
    { kind: question.kind },
    {},
  ];
  const batches = await Promise.all(
    scopes.map((scope) => listRecentDurations(db, scope, recentHistoryLimit)),
  );
  const rows = new Map<string, DurationRow>();
  for (const row of batches.flat()) {
    if (row.id !== options.excludePromiseId) rows.set(row.id, row);
  }
  const openAccountIds = [
    ...new Set([...rows.values()].filter((r) => r.closedMinutes === null).map((r) => r.accountId)),
  ];
  const accounts = new Map((await findAccountsByIds(db, openAccountIds)).map((a) => [a.id, a]));

  const records: CalibrationRecord[] = [];
  for (const row of rows.values()) {
    const base = { kind: row.kind, ownerId: row.ownerId, accountId: row.accountId };
    if (row.status === 'fulfilled' && row.fulfilledMinutes !== null) {
      records.push({
        ...base,
        durationMinutes: Math.max(0, row.fulfilledMinutes),
        fulfilled: true,
      });
      continue;
    }
    if (row.closedMinutes !== null) {
      records.push({ ...base, durationMinutes: Math.max(0, row.closedMinutes), fulfilled: false });
      continue;
    }
    const account = accounts.get(row.accountId);
    const calendar =
      account === undefined
        ? options.settings.companyCalendar
        : accountCalendar(account, options.settings);
    const elapsed = businessMinutesBetween(calendar, row.clockStartedAt, options.now);
    records.push({ ...base, durationMinutes: Math.max(0, elapsed), fulfilled: false });
  }
  return records;
}
