import { type TrustEvidenceSums, type TrustScopeRef, toSums } from '@steadfast/db';
import { emptyEvidence, type TrustEvidence } from '@steadfast/domain';
import type BetterSqlite3 from 'better-sqlite3';
import type { HistoryScale } from '../figure.ts';
import { rowInserter } from './bulk.ts';
import { type AccountPlan, type Cast, HOUR, historyStartMs } from './people.ts';
import { phaseProgress } from './progress.ts';
import { businessMoment, planPromise } from './promise-plan.ts';
import { createPromisePool } from './promise-pool.ts';
import type { EventRow, ProjectionRow } from './promise-rows.ts';
import type { PromiseRows, PromiseWork } from './promise-work.ts';
import type { Random } from './random.ts';
import { HISTORY_NOW_MS } from './reference.ts';

const BATCH = 4000;

/** The trust_evidence columns, mapped by the db package itself. */
const evidenceColumns = toSums;
type EvidenceColumns = TrustEvidenceSums;

/** Picks accounts in proportion to their weight, among those that are clients at the moment. */
function accountPicker(accounts: readonly AccountPlan[], random: Random) {
  const cumulative: number[] = [];
  let total = 0;
  for (const account of accounts) {
    total += account.weight;
    cumulative.push(total);
  }
  return (atMs: number): AccountPlan | undefined => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const roll = random.next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((cumulative[mid] ?? 0) > roll) high = mid;
        else low = mid + 1;
      }
      const account = accounts[low];
      if (account && account.createdAtMs <= atMs && atMs < account.activeUntilMs) return account;
    }
    return accounts.find((a) => a.createdAtMs <= atMs && atMs < a.activeUntilMs);
  };
}

/**
 * Promises over about three years, more each year (the company grows), each with its events,
 * its projection, and when it closed what the app writes then: the forecast resolution, and the
 * trust evidence and contributions of its account, owner, owner's team and the company.
 * Planning (the seeded choices) and writing run here in order; running the plans through the
 * domain, the costly part, runs on worker threads a batch ahead.
 */
export async function writePromises(options: {
  sqlite: BetterSqlite3.Database;
  cast: Cast;
  scale: HistoryScale;
  random: Random;
  newId: (atMs: number) => string;
  workers: number;
  log(message: string): void;
}): Promise<{ promises: number; events: number; trustContributions: number }> {
  const { sqlite, cast, scale, random, newId } = options;
  let insertPromise: ((row: ProjectionRow) => void) | undefined;
  let insertEvent: ((row: EventRow) => void) | undefined;
  const insertResolution = rowInserter<{ promise_id: string; closed_at: string; facts: string }>(
    sqlite,
    'promise_resolutions',
    ['promise_id', 'closed_at', 'facts'],
  );
  const contributionColumns = [
    'scope_type',
    'scope_id',
    'promise_id',
    'closed_at',
    'outcome_kind',
    'evidence',
  ] as const;
  const insertContribution = rowInserter<Record<(typeof contributionColumns)[number], string>>(
    sqlite,
    'trust_contributions',
    contributionColumns,
  );
  const sums = new Map<string, { scope: TrustScopeRef; columns: EvidenceColumns }>();
  const addEvidence = (scope: TrustScopeRef, evidence: TrustEvidence) => {
    const key = `${scope.type}\u0000${scope.id}`;
    const add = evidenceColumns(evidence);
    const current = sums.get(key);
    if (current === undefined) {
      sums.set(key, { scope, columns: add });
      return;
    }
    for (const column of Object.keys(add) as (keyof EvidenceColumns)[]) {
      current.columns[column] += add[column];
    }
  };

  const pick = accountPicker(cast.accounts, random);
  const teamOf = new Map(
    cast.people.map((p) => [
      p.id,
      p.teamIndex === null ? null : (cast.teams[p.teamIndex]?.id ?? null),
    ]),
  );
  const eventRatio = scale.promises === 0 ? 0 : scale.events / scale.promises;
  const span = HISTORY_NOW_MS - historyStartMs;
  let planned = 0;
  let plannedEvents = 0;
  interface Planned {
    work: PromiseWork;
    account: AccountPlan;
    ownerId: string;
  }
  const planBatch = (): Planned[] => {
    const batch: Planned[] = [];
    for (; planned < scale.promises && batch.length < BATCH; planned++) {
      // Density grows linearly over the years (twice as many promises now as three years ago).
      const y = (planned + random.next()) / scale.promises;
      const x = Math.sqrt(1 + 3 * y) - 1;
      let madeAtMs = businessMoment(historyStartMs + x * span, random);
      if (madeAtMs > HISTORY_NOW_MS - HOUR) madeAtMs = HISTORY_NOW_MS - random.int(1, 5) * HOUR;
      const account = pick(madeAtMs);
      if (account === undefined) continue;
      const owner = cast.people[account.ownerIndex];
      if (owner === undefined) continue;
      const deficit = eventRatio * (planned + 1) - plannedEvents - 2.6;
      const plan = planPromise({
        random,
        account,
        ownerId: owner.id,
        style: owner.style,
        madeAtMs,
        progressWanted: Math.max(0, Math.min(12, Math.round(deficit + random.normal()))),
      });
      const promiseId = newId(madeAtMs);
      const eventIds = [newId(madeAtMs), ...plan.events.map((e) => newId(e.atMs))];
      plannedEvents += eventIds.length;
      batch.push({
        work: { plan, promiseId, eventIds, accountCalendar: account.calendar },
        account,
        ownerId: owner.id,
      });
    }
    return batch;
  };

  const progress = phaseProgress({
    name: 'promises',
    total: scale.promises,
    unit: 'promises',
    log: options.log,
  });
  const pool = createPromisePool(options.workers);
  let events = 0;
  let contributions = 0;
  let written = 0;
  const write = (batch: readonly Planned[], results: readonly PromiseRows[]) => {
    sqlite.exec('begin');
    results.forEach((stored, index) => {
      const item = batch[index];
      if (item === undefined) throw new Error('a promise batch came back with more results');
      const promiseId = item.work.promiseId;
      insertPromise ??= rowInserter(
        sqlite,
        'promises',
        Object.keys(stored.projection) as (keyof ProjectionRow & string)[],
      );
      insertPromise(stored.projection);
      for (const event of stored.events) {
        insertEvent ??= rowInserter(
          sqlite,
          'promise_events',
          Object.keys(event) as (keyof EventRow & string)[],
        );
        insertEvent(event);
      }
      events += stored.events.length;
      written++;
      const { closing, closedAt } = stored;
      if (closing === null || closedAt === null) return;
      insertResolution({
        promise_id: promiseId,
        closed_at: closedAt,
        facts: JSON.stringify(closing.resolution),
      });
      if (closing.evidence === null) return;
      // As recordClosing does: the account, the owner, the company and the owner's team.
      const scopes: TrustScopeRef[] = [
        { type: 'account', id: item.account.id },
        { type: 'manager', id: item.ownerId },
        { type: 'company', id: 'company' },
      ];
      const teamId = teamOf.get(item.ownerId);
      if (teamId) scopes.push({ type: 'team', id: teamId });
      const evidence = JSON.stringify(closing.evidence);
      for (const scope of scopes) {
        addEvidence(scope, closing.evidence);
        insertContribution({
          scope_type: scope.type,
          scope_id: scope.id,
          promise_id: promiseId,
          closed_at: closedAt,
          outcome_kind: closing.outcomeKind,
          evidence,
        });
        contributions++;
      }
    });
    sqlite.exec('commit');
    progress.tick(written);
  };
  try {
    let batch = planBatch();
    let running = pool.run(batch.map((item) => item.work));
    while (batch.length > 0) {
      // The workers run the next batch while this one is written.
      const next = planBatch();
      const nextRunning = next.length > 0 ? pool.run(next.map((item) => item.work)) : null;
      write(batch, await running);
      batch = next;
      if (nextRunning !== null) running = nextRunning;
    }
  } finally {
    await pool.close();
  }
  const insertEvidence = rowInserter<{ scope_type: string; scope_id: string } & EvidenceColumns>(
    sqlite,
    'trust_evidence',
    [
      'scope_type',
      'scope_id',
      ...(Object.keys(evidenceColumns(emptyEvidence())) as (keyof EvidenceColumns)[]),
    ],
  );
  sqlite.exec('begin');
  for (const key of [...sums.keys()].sort()) {
    const entry = sums.get(key);
    if (entry)
      insertEvidence({ scope_type: entry.scope.type, scope_id: entry.scope.id, ...entry.columns });
  }
  sqlite.exec('commit');
  progress.tick(written);
  progress.stop();
  return { promises: written, events, trustContributions: contributions };
}
