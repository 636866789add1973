import type {
  CalibrationForecast,
  Instant,
  ResolutionFacts,
  RiskForecast,
} from '@steadfast/domain';
import type { Db } from '../schema/database.ts';

export type RecordedForecast =
  | { type: 'calibration'; forecast: CalibrationForecast }
  | { type: 'risk'; forecast: RiskForecast };

/** Records a forecast as made; one with an id already recorded is kept as it was. */
export async function insertForecast(db: Db, recorded: RecordedForecast): Promise<void> {
  const { forecast } = recorded;
  if (forecast.promiseId === null) return;
  await db
    .insertInto('forecasts')
    .values({
      id: forecast.id,
      type: recorded.type,
      promise_id: forecast.promiseId,
      kind: forecast.kind,
      account_id: forecast.accountId,
      owner_id: forecast.ownerId,
      made_at: forecast.madeAt,
      body: JSON.stringify(forecast),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** The forecasts made in [from, to), oldest first. */
export async function listForecastsMadeIn(
  db: Db,
  period: { from: Instant; to: Instant },
): Promise<{ calibration: CalibrationForecast[]; risk: RiskForecast[] }> {
  const rows = await db
    .selectFrom('forecasts')
    .select(['type', 'body'])
    .where('made_at', '>=', period.from)
    .where('made_at', '<', period.to)
    .orderBy('made_at')
    .execute();
  const calibration: CalibrationForecast[] = [];
  const risk: RiskForecast[] = [];
  for (const row of rows) {
    // Bodies were written by insertForecast from the domain's own forecast objects.
    if (row.type === 'calibration') calibration.push(JSON.parse(row.body) as CalibrationForecast);
    else risk.push(JSON.parse(row.body) as RiskForecast);
  }
  return { calibration, risk };
}

/** Records how a promise turned out, for resolving its forecasts (replacing an earlier record). */
export async function upsertPromiseResolution(
  db: Db,
  facts: ResolutionFacts,
  closedAt: Instant,
): Promise<void> {
  const values = { promise_id: facts.promiseId, closed_at: closedAt, facts: JSON.stringify(facts) };
  await db
    .insertInto('promise_resolutions')
    .values(values)
    .onConflict((oc) =>
      oc.column('promise_id').doUpdateSet({ closed_at: closedAt, facts: values.facts }),
    )
    .execute();
}

/**
 * `upsertPromiseResolution` for many closings in a few multi-row statements: when a promise is
 * named twice, the later closing wins, as it would one statement after another.
 */
export async function upsertPromiseResolutions(
  db: Db,
  closings: readonly { facts: ResolutionFacts; closedAt: Instant }[],
): Promise<void> {
  // One row per promise: a statement may not upsert the same key twice (PostgreSQL refuses it).
  const latest = new Map<string, { promise_id: string; closed_at: string; facts: string }>();
  for (const { facts, closedAt } of closings)
    latest.set(facts.promiseId, {
      promise_id: facts.promiseId,
      closed_at: closedAt,
      facts: JSON.stringify(facts),
    });
  const rows = [...latest.values()];
  // 3 bind parameters a row: far below SQLite's and PostgreSQL's limits.
  for (let start = 0; start < rows.length; start += 200) {
    await db
      .insertInto('promise_resolutions')
      .values(rows.slice(start, start + 200))
      .onConflict((oc) =>
        oc.column('promise_id').doUpdateSet((eb) => ({
          closed_at: eb.ref('excluded.closed_at'),
          facts: eb.ref('excluded.facts'),
        })),
      )
      .execute();
  }
}

/** How the given promises turned out, where known (read in chunks to keep IN lists short). */
export async function listPromiseResolutions(
  db: Db,
  promiseIds: readonly string[],
): Promise<ResolutionFacts[]> {
  const facts: ResolutionFacts[] = [];
  const unique = [...new Set(promiseIds)];
  for (let start = 0; start < unique.length; start += 500) {
    const chunk = unique.slice(start, start + 500);
    const rows = await db
      .selectFrom('promise_resolutions')
      .select('facts')
      .where('promise_id', 'in', chunk)
      .execute();
    for (const row of rows) facts.push(JSON.parse(row.facts) as ResolutionFacts);
  }
  return facts;
}
