import { type Kysely, sql } from 'kysely';

// "Where attention goes" counted every promise made in the window per owner (107k index entries at
// 1M promises, each joined to its account for the stage) and read every served account to find the
// neglected ones. Now:
// - owner_effort_days: per UTC day, owner and stage bucket of the account (prospect, existing,
//   churned), the promises made and touchpoints done; kept on write, backfilled here.
// - account_last_touches.quiet_since: since when the account has been quiet (its latest touch of
//   any kind, else when it was created), indexed, so the longest-quiet accounts are an index walk
//   that stops at the page. Every account gets a row (insertAccount writes it from now on).

/** The stage bucket effort is counted under: prospects, accounts won, or churned (left out). */
const stageBucketSql = sql<string>`case when accounts.stage = 'prospect' then 'prospect' when accounts.stage = 'churned' then 'churned' else 'existing' end`;

/** The later of two nullable instants (ISO strings compare in time order), the same in both SQLs. */
const laterOf = (a: ReturnType<typeof sql>, b: ReturnType<typeof sql>) =>
  sql<
    string | null
  >`case when ${a} is null then ${b} when ${b} is null or ${a} >= ${b} then ${a} else ${b} end`;

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('owner_effort_days')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('stage_bucket', 'text', (c) => c.notNull())
    .addColumn('promises', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('touchpoints', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('owner_effort_days_pk', ['day', 'owner_id', 'stage_bucket'])
    .execute();
  await backfillOwnerEffortDays(db);
  await db.schema.alterTable('account_last_touches').addColumn('quiet_since', 'text').execute();
  await backfillQuietSince(db);
  await db.schema
    .createIndex('account_last_touches_quiet')
    .on('account_last_touches')
    .columns(['quiet_since', 'account_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
async function backfillOwnerEffortDays(db: Kysely<any>): Promise<void> {
  const promiseDay = sql<string>`substr(promises.made_at, 1, 10)`;
  const touchDay = sql<string>`substr(touchpoints.done_at, 1, 10)`;
  await db
    .insertInto('owner_effort_days')
    .columns(['day', 'owner_id', 'stage_bucket', 'promises', 'touchpoints'])
    .expression((eb) =>
      eb
        .selectFrom(
          eb
            .selectFrom('promises')
            .innerJoin('accounts', 'accounts.id', 'promises.account_id')
            .select([
              promiseDay.as('day'),
              'promises.owner_id as owner_id',
              stageBucketSql.as('stage_bucket'),
              sql<number>`1`.as('promises'),
              sql<number>`0`.as('touchpoints'),
            ])
            .unionAll(
              eb
                .selectFrom('touchpoints')
                .innerJoin('accounts', 'accounts.id', 'touchpoints.account_id')
                .select([
                  touchDay.as('day'),
                  'touchpoints.owner_id as owner_id',
                  stageBucketSql.as('stage_bucket'),
                  sql<number>`0`.as('promises'),
                  sql<number>`1`.as('touchpoints'),
                ])
                .where('touchpoints.status', '=', 'done')
                .where('touchpoints.done_at', 'is not', null),
            )
            .as('effort'),
        )
        .select((s) => [
          'effort.day',
          'effort.owner_id',
          'effort.stage_bucket',
          s.fn.sum('effort.promises').as('promises'),
          s.fn.sum('effort.touchpoints').as('touchpoints'),
        ])
        .groupBy(['effort.day', 'effort.owner_id', 'effort.stage_bucket']),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
async function backfillQuietSince(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('account_last_touches')
    .columns(['account_id'])
    .expression((eb) =>
      eb
        .selectFrom('accounts')
        .select('accounts.id')
        .where((w) =>
          w.not(
            w.exists(
              w
                .selectFrom('account_last_touches')
                .select('account_last_touches.account_id')
                .whereRef('account_last_touches.account_id', '=', 'accounts.id'),
            ),
          ),
        ),
    )
    .execute();
  const latest = laterOf(
    laterOf(sql.ref('promise_made_at'), sql.ref('promise_fulfilled_at')),
    sql.ref('touchpoint_done_at'),
  );
  await db
    .updateTable('account_last_touches')
    .set({
      quiet_since: sql`coalesce(${latest}, (select accounts.created_at from accounts where accounts.id = account_last_touches.account_id))`,
    })
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('account_last_touches_quiet').execute();
  await db.schema.alterTable('account_last_touches').dropColumn('quiet_since').execute();
  await db.schema.dropTable('owner_effort_days').execute();
}
