import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { BackgroundJobRow } from '../schema/background-job.table.ts';
import type { Database, Db } from '../schema/database.ts';

export interface BackgroundJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  claimedBy: string | null;
}

function toJob(row: BackgroundJobRow): BackgroundJob {
  return {
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(row.payload) as unknown,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    claimedBy: row.claimed_by,
  };
}

/** Enqueues a job unless one with the same id exists: scheduled work is enqueued once. */
export async function enqueueJob(
  db: Db,
  job: {
    id: string;
    kind: string;
    payload: unknown;
    runAt: string;
    now: string;
    maxAttempts?: number;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('background_jobs')
    .values({
      id: job.id,
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      status: 'pending',
      run_at: job.runAt,
      attempts: 0,
      max_attempts: job.maxAttempts ?? 5,
      claimed_by: null,
      lease_until: null,
      last_error: null,
      created_at: job.now,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * Claims up to `limit` due jobs for one worker, atomically: a job is claimed by exactly one
 * instance. PostgreSQL skips rows another instance is claiming (`FOR UPDATE SKIP LOCKED`);
 * SQLite has one writer at a time, so its UPDATE is atomic as it is. A running job whose lease
 * ran out (its instance died) is claimable again.
 */
export async function claimJobs(
  db: Kysely<Database>,
  claim: { workerId: string; now: string; leaseUntil: string; limit: number },
): Promise<BackgroundJob[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  let claimable = db
    .selectFrom('background_jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', claim.now)]),
        eb.and([eb('status', '=', 'running'), eb('lease_until', '<', claim.now)]),
      ]),
    )
    .orderBy('run_at')
    .limit(claim.limit);
  if (postgres) claimable = claimable.forUpdate().skipLocked();
  const rows = await db
    .updateTable('background_jobs')
    .set((eb) => ({
      status: 'running',
      claimed_by: claim.workerId,
      lease_until: claim.leaseUntil,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', claimable)
    .returningAll()
    .execute();
  return rows.map(toJob);
}

/** Marks a claimed job done, if this worker still holds it. */
export async function completeJob(
  db: Db,
  job: { id: string; workerId: string; now: string },
): Promise<void> {
  await db
    .updateTable('background_jobs')
    .set({ status: 'done', finished_at: job.now, lease_until: null, last_error: null })
    .where('id', '=', job.id)
    .where('claimed_by', '=', job.workerId)
    .execute();
}

/**
 * Records a failed attempt: retried after `retryAt` (the caller's backoff) until it has had
 * `max_attempts`, then left `dead` for someone to look at.
 */
export async function failJob(
  db: Db,
  job: { id: string; workerId: string; now: string; retryAt: string; error: string },
): Promise<void> {
  await db
    .updateTable('background_jobs')
    .set((eb) => ({
      status: eb
        .case()
        .when('attempts', '>=', eb.ref('max_attempts'))
        .then('dead')
        .else('pending')
        .end(),
      run_at: job.retryAt,
      lease_until: null,
      last_error: job.error.slice(0, 2000),
      finished_at: eb
        .case()
        .when('attempts', '>=', eb.ref('max_attempts'))
        .then(job.now)
        .else(sql<string | null>`NULL`)
        .end(),
    }))
    .where('id', '=', job.id)
    .where('claimed_by', '=', job.workerId)
    .execute();
}

export async function findJob(
  db: Db,
  id: string,
): Promise<(BackgroundJob & { status: string }) | undefined> {
  const row = await db
    .selectFrom('background_jobs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { ...toJob(row), status: row.status };
}

/** Forgets jobs that finished successfully before `before`; dead ones stay for someone to look at. */
export async function purgeFinishedJobs(db: Db, before: string): Promise<number> {
  const result = await db
    .deleteFrom('background_jobs')
    .where('status', '=', 'done')
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
