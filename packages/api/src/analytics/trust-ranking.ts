import {
  type Db,
  findAccountsByIds,
  latestTrustSnapshot,
  listAccounts,
  listScopesClosedSince,
  listSnapshotRanking,
  listTeams,
  listTrustEvidence,
  listTrustEvidenceOf,
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
    score: trustScoreValue(subject.evidence ?? emptyEvidence(), {
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
    accounts.map((account) => ({
      id: account.id,
      name: account.name,
      evidence: evidenceById.get(account.id),
    })),
    options,
  );
}

/**
 * The accounts ranked by trust without scoring every account: the worker's latest snapshot of the
 * scores (taken hourly) gives the order, read from an index in score order, so the work is bounded
 * by the rows shown and the closings since the snapshot, not by the number of accounts.
 *
 * Accounts with a closing since the snapshot are rescored live and ranked among the snapshot's
 * best candidates; every row shown is scored live. What the snapshot cannot see until the next
 * one (an hour at most): an account created since, a closing recorded since with an earlier
 * closing time, and the slow drift of decay and of the company prior.
 */
export async function rankAccounts(options: RankingOptions): Promise<RankedSubject[]> {
  const { db } = options;
  const snapshot = await latestTrustSnapshot(db);
  if (snapshot === undefined) return rankAllAccounts(options);
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
  const candidateIds = [
    ...new Set([...ranked.map((row) => row.scopeId).filter((id) => !changed.has(id)), ...changed]),
  ];
  const [accounts, evidence] = await Promise.all([
    findAccountsByIds(db, candidateIds),
    listTrustEvidenceOf(db, 'account', candidateIds),
  ]);
  return rank(
    accounts.map((account) => ({
      id: account.id,
      name: account.name,
      evidence: evidence.get(account.id),
    })),
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
      subject: { id: subject.id, name: subject.name, evidence: found },
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
