import {
  countAccountsInStages,
  type Db,
  findAccount,
  listAccountsWithoutCharter,
  listChartersOfAccounts,
  listCurrentCharterVersions,
  listObservationsBetween,
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
  charterCompliance,
  existingCustomerStages,
  type Instant,
  instantMs,
  type ServiceGapFacts,
} from '@steadfast/domain';
import { accountCharterCompliance } from './account-charter-compliance.ts';
import { accountCalendar } from './analytics-settings.ts';

/** How many of the most recent captures the communication gap looks at. */
const captureSample = 5_000;

/** Accounts to judge from their observations one by one; more than this, all in three reads. */
export const judgedOneByOne = 20;

/**
 * An account's charter compliance share over the window (null: nothing observed), as
 * charterCompliance gives it: per term of the version in force at the window's end, the share of
 * its observations within target, and the mean of the terms' shares. Counted from the stored
 * verdicts; `judge` when an observation has no verdict yet (stored before verdicts were kept) or
 * the current version was saved after the window: that account is judged from its observations.
 */
function countedShare(
  version: CharterVersion,
  tallies: ReadonlyMap<string, TermVerdictTally> | undefined,
  window: Window,
): number | null | 'judge' {
  if (tallies === undefined) return null;
  const listedTallies = version.terms.flatMap((term) => {
    const tally = tallies.get(term.id);
    return tally === undefined ? [] : [tally];
  });
  if (
    instantMs(version.createdAt) > instantMs(window.to) ||
    listedTallies.some((tally) => tally.unjudged > 0)
  ) {
    return 'judge';
  }
  const shares = listedTallies.flatMap((tally) => {
    const measured = tally.within + tally.over;
    return measured === 0 ? [] : [tally.within / measured];
  });
  return shares.length === 0 ? null : shares.reduce((sum, share) => sum + share, 0) / shares.length;
}

/**
 * The compliance shares of accounts whose verdicts cannot be counted, judged from their
 * observations as the account page does: one by one when few (a store mostly judged), else from
 * the served accounts' versions and the window's observations read once (a store migrated before
 * its observations were judged, until the worker has judged them).
 */
async function judgedShares(options: {
  db: Db;
  settings: AnalyticsSettings;
  now: Instant;
  window: Window;
  accountIds: readonly string[];
}): Promise<Map<string, number | null>> {
  const { db, window } = options;
  const shares = new Map<string, number | null>();
  if (options.accountIds.length <= judgedOneByOne) {
    for (const accountId of options.accountIds) {
      const account = await findAccount(db, accountId);
      if (account === undefined) continue;
      const result = await accountCharterCompliance({
        db,
        account,
        settings: options.settings,
        now: options.now,
        from: window.from,
        to: window.to,
      });
      shares.set(accountId, result?.share ?? null);
    }
    return shares;
  }
  const wanted = new Set(options.accountIds);
  const [charters, observations] = await Promise.all([
    listChartersOfAccounts(db, { stages: existingCustomerStages }),
    listObservationsBetween(db, window),
  ]);
  for (const { account, versions } of charters) {
    if (!wanted.has(account.id) || versions.length === 0) continue;
    const result = charterCompliance({
      accountId: account.id,
      versions,
      observations: observations.get(account.id) ?? [],
      accountCalendar: accountCalendar(account, options.settings),
      window,
    });
    shares.set(account.id, result.share);
  }
  return shares;
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
  const counted = versions.map((version) => ({
    version,
    share: countedShare(version, byAccount.get(version.accountId), window),
  }));
  const judged = await judgedShares({
    ...options,
    accountIds: counted.flatMap(({ version, share }) =>
      share === 'judge' ? [version.accountId] : [],
    ),
  });
  const compliance: ServiceGapFacts['compliance'] = [];
  for (const { version, share: countedOrNot } of counted) {
    const share = countedOrNot === 'judge' ? judged.get(version.accountId) : countedOrNot;
    if (share === null || share === undefined) continue;
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
