import {
  type Db,
  findAccountNames,
  latestTrustSnapshot,
  listAccounts,
  listScopesClosedSince,
  listSnapshotRanking,
  listTeams,
  listTrustEvidence,
  listTrustEvidenceOf,
  listTrustOutcomesOf,
  listUsers,
} from '@steadfast/db';
import {
  type AnalyticsSettings,
  emptyEvidence,
  type Instant,
  type TrustEvidence,
  type TrustPrior,
  trustScoreValue,
} from '@steadfast/domain';

export interface RankedSubject {
  id: string;
  name: string;
  evidence: TrustEvidence | undefined;
  /** Closed promises counted in the score. */
  outcomes: number;
  /** The score and interval to show as they stand in a fresh snapshot; absent: score it now. */
  shown?: { score: number; interval: { low: number; high: number } };
}

interface RankingOptions {
  db: Db;
  settings: AnalyticsSettings;
  prior: TrustPrior;
  now: Instant;
  order: 'lowest' | 'highest';
  limit: number;
}

/**
 * Lowest (or highest) first, by the live score; ties (every account without a closed promise
 * stands at the prior) by id the same way, as the snapshot's index orders them, so both paths
 * pick the same accounts.
 */
function rank(
  subjects: readonly RankedSubject[],
  options: Pick<RankingOptions, 'prior' | 'settings' | 'now' | 'order' | 'limit'>,
): RankedSubject[] {
  const scored = subjects.map((subject) => ({
    subject,
    score:
      subject.shown?.score ??
      trustScoreValue(subject.evidence ?? emptyEvidence(), {
        prior: options.prior,
        settings: options.settings.trust,
        now: options.now,
      }),
  }));
  const sign = options.order === 'lowest' ? 1 : -1;
  scored.sort((a, b) => sign * (a.score - b.score || (a.subject.id < b.subject.id ? -1 : 1)));
  return scored.slice(0, options.limit).map(({ subject }) => subject);
}

/**
 * Every account scored now, then ranked: what the ranking is when the worker has not taken a
 * snapshot yet (a new store), and what the snapshot path must agree with.
 */
export async function rankAllAccounts(options: RankingOptions): Promise<RankedSubject[]> {
  const [accounts, evidence] = await Promise.all([
    listAccounts(options.db),
    listTrustEvidence(options.db, 'account'),
  ]);
  const evidenceById = new Map(evidence.map((row) => [row.scopeId, row.evidence]));
  return rank(
    accounts.map((account) => {
      const found = evidenceById.get(account.id);
      return {
        id: account.id,
        name: account.name,
        evidence: found,
        outcomes: found?.outcomes ?? 0,
      };
    }),
    options,
  );
}

/** A snapshot this recent is shown as it stands; an older one (the worker is behind) only orders. */
const freshSnapshotMs = 2 * 3_600_000;

/**
 * The accounts ranked by trust without scoring every account: the worker's latest snapshot of the
 * scores (taken hourly) gives the order, read from an index in score order, so the work is bounded
 * by the rows shown and the closings since the snapshot, not by the number of accounts.
 *
 * Accounts with a closing since the snapshot are rescored now and ranked among the snapshot's
 * best candidates. The others show their snapshot score and interval (at most two hours old; the
 * decay and the company prior move them by hundredths of a point an hour); when the worker has
 * fallen further behind, every candidate is rescored now. Until the next snapshot the ranking does
 * not see an account created since, nor a closing recorded since with an earlier closing time.
 */
export async function rankAccounts(options: RankingOptions): Promise<RankedSubject[]> {
  const { db } = options;
  const snapshot = await latestTrustSnapshot(db);
  if (snapshot === undefined) return rankAllAccounts(options);
  const fresh = Date.parse(options.now) - Date.parse(snapshot.takenAt) <= freshSnapshotMs;
  const changed = new Set(
    await listScopesClosedSince(db, { type: 'account', since: snapshot.takenAt }),
  );
  const ranked = await listSnapshotRanking(db, {
    type: 'account',
    day: snapshot.day,
    order: options.order,
    // Enough that the changed ones, wherever they now stand, leave `limit` unchanged candidates.
    limit: options.limit + changed.size,
  });
  const stored = new Map(
    ranked.filter((row) => !changed.has(row.scopeId)).map((row) => [row.scopeId, row]),
  );
  const candidateIds = [...new Set([...stored.keys(), ...changed])];
  // A fresh snapshot's rows need only their count of outcomes; the others their whole evidence.
  const rescored = fresh ? [...changed] : candidateIds;
  const [names, evidence, outcomes] = await Promise.all([
    findAccountNames(db, candidateIds),
    listTrustEvidenceOf(db, 'account', rescored),
    fresh ? listTrustOutcomesOf(db, 'account', [...stored.keys()]) : new Map<string, number>(),
  ]);
  return rank(
    names.map(({ id, name }) => {
      const kept = fresh ? stored.get(id) : undefined;
      const found = evidence.get(id);
      return {
        id,
        name,
        evidence: found,
        outcomes: found?.outcomes ?? outcomes.get(id) ?? 0,
        ...(kept && { shown: { score: kept.score, interval: { low: kept.low, high: kept.high } } }),
      };
    }),
    options,
  );
}

/**
 * Managers or teams ranked by trust, all scored live (there are tens, not thousands); ties keep
 * their name order.
 */
export async function rankPeople(
  scope: 'manager' | 'team',
  options: RankingOptions,
): Promise<RankedSubject[]> {
  const { db } = options;
  const [subjects, evidence] = await Promise.all([
    scope === 'team'
      ? listTeams(db)
      : listUsers(db).then((users) => users.filter((u) => u.role === 'account_manager')),
    listTrustEvidence(db, scope),
  ]);
  const evidenceById = new Map(evidence.map((row) => [row.scopeId, row.evidence]));
  const scored = subjects.map((subject) => {
    const found = evidenceById.get(subject.id);
    return {
      subject: {
        id: subject.id,
        name: subject.name,
        evidence: found,
        outcomes: found?.outcomes ?? 0,
      },
      score: trustScoreValue(found ?? emptyEvidence(), {
        prior: options.prior,
        settings: options.settings.trust,
        now: options.now,
      }),
    };
  });
  scored.sort((a, b) => (options.order === 'lowest' ? a.score - b.score : b.score - a.score));
  return scored.slice(0, options.limit).map(({ subject }) => subject);
}
