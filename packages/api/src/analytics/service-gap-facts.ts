import {
  countAccountsInStages,
  type Db,
  findAccount,
  listAccountsWithoutCharter,
  listCurrentCharterVersions,
  listOverdueCharterReviews,
  type TermVerdictTally,
  tallyKindOutcomes,
  tallyObservationVerdicts,
  tallyProposedDates,
  tallyScoredSatisfaction,
  type Window,
} from '@steadfast/db';
import {
  type AnalyticsSettings,
  type CharterVersion,
  existingCustomerStages,
  type Instant,
  instantMs,
  type ServiceGapFacts,
} from '@steadfast/domain';
import { accountCharterCompliance } from './account-charter-compliance.ts';

/** How many of the most recent captures the communication gap looks at. */
const captureSample = 5_000;

/**
 * An account's charter compliance share over the window (null: nothing observed), as
 * charterCompliance gives it: per term of the version in force at the window's end, the share of
 * its observations within target, and the mean of the terms' shares. Counted from the stored
 * verdicts; an account with an observation not judged yet (stored before verdicts were kept), or
 * whose current version was saved after the window, is judged from its observations as before.
 */
async function complianceShare(options: {
  db: Db;
  settings: AnalyticsSettings;
  now: Instant;
  window: Window;
  version: CharterVersion;
  tallies: ReadonlyMap<string, TermVerdictTally> | undefined;
}): Promise<number | null> {
  const { version, tallies, window } = options;
  if (tallies === undefined) return null;
  const listedTallies = version.terms.flatMap((term) => {
    const tally = tallies.get(term.id);
    return tally === undefined ? [] : [tally];
  });
  const judged =
    instantMs(version.createdAt) <= instantMs(window.to) &&
    listedTallies.every((tally) => tally.unjudged === 0);
  if (!judged) {
    const account = await findAccount(options.db, version.accountId);
    if (account === undefined) return null;
    const result = await accountCharterCompliance({
      db: options.db,
      account,
      settings: options.settings,
      now: options.now,
      from: window.from,
      to: window.to,
    });
    return result?.share ?? null;
  }
  const shares = listedTallies.flatMap((tally) => {
    const measured = tally.within + tally.over;
    return measured === 0 ? [] : [tally.within / measured];
  });
  return shares.length === 0 ? null : shares.reduce((sum, share) => sum + share, 0) / shares.length;
}

/**
 * Everything the five service-quality gaps are judged from, read as aggregates: account counts and
 * one charter row per served account (bounded by accounts), and for the window the promises closed,
 * observations, proposed dates and satisfaction scores (each walked through an index on its
 * instant). Charter compliance is counted per account and term from the observations' stored
 * verdicts (one walk of the window in index charter_observations_verdicts), as the account page
 * judges it.
 */
export async function loadServiceGapFacts(options: {
  db: Db;
  settings: AnalyticsSettings;
  now: Instant;
  window: Window;
}): Promise<ServiceGapFacts> {
  const { db, window } = options;
  const stages = existingCustomerStages;
  const [servedAccounts, withoutCharter, overdue, versions, tallies, outcomes, captures] =
    await Promise.all([
      countAccountsInStages(db, stages),
      listAccountsWithoutCharter(db, { stages }),
      listOverdueCharterReviews(db, { now: options.now }),
      listCurrentCharterVersions(db, { stages }),
      tallyObservationVerdicts(db, window),
      tallyKindOutcomes(db, window),
      tallyProposedDates(db, { ...window, sample: captureSample }),
    ]);
  const satisfaction = await tallyScoredSatisfaction(db, window);
  const observed = new Map<string, number>();
  const byAccount = new Map<string, Map<string, TermVerdictTally>>();
  for (const tally of tallies) {
    observed.set(tally.termId, (observed.get(tally.termId) ?? 0) + tally.observations);
    const terms = byAccount.get(tally.accountId) ?? new Map<string, TermVerdictTally>();
    terms.set(tally.termId, tally);
    byAccount.set(tally.accountId, terms);
  }
  const compliance: ServiceGapFacts['compliance'] = [];
  for (const version of versions) {
    const share = await complianceShare({
      ...options,
      version,
      tallies: byAccount.get(version.accountId),
    });
    if (share === null) continue;
    compliance.push({ accountId: version.accountId, accountName: version.accountName, share });
  }
  const sum = (pick: (tally: (typeof outcomes)[number]) => number) =>
    outcomes.reduce((total, tally) => total + pick(tally), 0);
  const keptOnTime = sum((t) => t.keptOnTime);
  const slips = sum((t) => t.keptRenegotiated + t.late + t.missed);
  return {
    servedAccounts,
    withoutCharter: withoutCharter.map(({ accountId, accountName }) => ({
      accountId,
      accountName,
    })),
    withoutClientExpectation: versions
      .filter((version) => version.terms.every((term) => term.clientExpectation === null))
      .map((version) => ({ accountId: version.accountId, accountName: version.accountName })),
    overdueReviews: overdue.map((review) => ({
      accountId: review.accountId,
      accountName: review.accountName,
      daysOverdue: Math.floor(
        (Date.parse(options.now) - Date.parse(review.nextReviewAt)) / 86_400_000,
      ),
    })),
    terms: versions.flatMap((version) =>
      version.terms.map((term) => ({
        accountId: version.accountId,
        accountName: version.accountName,
        termId: term.id,
        metric: term.metric,
        description: term.description,
        observations: observed.get(term.id) ?? 0,
      })),
    ),
    compliance,
    outcomes: { keptOnTime, closed: keptOnTime + slips },
    captures,
    slips: { total: slips, announced: sum((t) => t.announcedSlips) },
    satisfaction,
  };
}
