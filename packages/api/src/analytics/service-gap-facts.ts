import {
  countAccountsInStages,
  countObservationsByTerm,
  type Db,
  listAccountsWithoutCharter,
  listChartersOfAccounts,
  listCurrentCharterVersions,
  listObservationsBetween,
  listOverdueCharterReviews,
  tallyKindOutcomes,
  tallyProposedDates,
  tallyScoredSatisfaction,
  type Window,
} from '@steadfast/db';
import {
  type AnalyticsSettings,
  charterCompliance,
  existingCustomerStages,
  type Instant,
  type ServiceGapFacts,
} from '@steadfast/domain';
import { accountCalendar } from './analytics-settings.ts';

/** How many of the most recent captures the communication gap looks at. */
const captureSample = 5_000;

/**
 * Everything the five service-quality gaps are judged from, read as aggregates: account counts and
 * one charter row per served account (bounded by accounts), and for the window the promises closed,
 * observations, proposed dates and satisfaction scores (each walked through an index on its
 * instant). Charter compliance is judged per account with a charter over the window's
 * observations, as the account page does, from three reads in all (served accounts with their
 * charter versions, the window's observations) rather than three per account.
 */
export async function loadServiceGapFacts(options: {
  db: Db;
  settings: AnalyticsSettings;
  now: Instant;
  window: Window;
}): Promise<ServiceGapFacts> {
  const { db, window } = options;
  const stages = existingCustomerStages;
  const [servedAccounts, withoutCharter, overdue, versions, observed, outcomes, captures] =
    await Promise.all([
      countAccountsInStages(db, stages),
      listAccountsWithoutCharter(db, { stages }),
      listOverdueCharterReviews(db, { now: options.now }),
      listCurrentCharterVersions(db, { stages }),
      countObservationsByTerm(db, window),
      tallyKindOutcomes(db, window),
      tallyProposedDates(db, { ...window, sample: captureSample }),
    ]);
  const satisfaction = await tallyScoredSatisfaction(db, window);
  const [charters, observations] = await Promise.all([
    listChartersOfAccounts(db, { stages }),
    listObservationsBetween(db, window),
  ]);
  const charterOf = new Map(charters.map((entry) => [entry.account.id, entry]));
  const compliance: ServiceGapFacts['compliance'] = [];
  for (const version of versions) {
    const charter = charterOf.get(version.accountId);
    if (charter === undefined || charter.versions.length === 0) continue;
    const { account } = charter;
    const result = charterCompliance({
      accountId: account.id,
      versions: charter.versions,
      observations: observations.get(account.id) ?? [],
      accountCalendar: accountCalendar(account, options.settings),
      window,
    });
    if (result.share === null) continue;
    compliance.push({ accountId: account.id, accountName: account.name, share: result.share });
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
