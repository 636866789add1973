import type { PromiseSummary } from '@steadfast/domain';
import type { Db } from '../schema/database.ts';
import { rowToSummary } from './promise.mapping.ts';

// Bind parameters per statement stay far below SQLite's and PostgreSQL's limits.
const LOOKUP_CHUNK = 500;

/** The summaries of the promises named that exist (in no particular order). */
export async function findPromiseSummaries(
  db: Db,
  promiseIds: readonly string[],
): Promise<PromiseSummary[]> {
  const summaries: PromiseSummary[] = [];
  for (let start = 0; start < promiseIds.length; start += LOOKUP_CHUNK) {
    const rows = await db
      .selectFrom('promises')
      .selectAll()
      .where('id', 'in', promiseIds.slice(start, start + LOOKUP_CHUNK))
      .execute();
    summaries.push(...rows.map(rowToSummary));
  }
  return summaries;
}
