import { formatShare } from '../calibration/share-words.ts';
import { type Instant, instantMs } from '../shared/instant.ts';

const DAY_MS = 86_400_000;

/** Promises made and touchpoints done by one manager in a period, for prospects and for clients. */
export interface ManagerEffortFacts {
  managerId: string;
  managerName: string;
  prospect: { promises: number; touchpoints: number };
  existing: { promises: number; touchpoints: number };
}

/** Where a manager's effort went: prospects or the clients already won. */
export interface ManagerEffort extends ManagerEffortFacts {
  prospectEffort: number;
  existingEffort: number;
  /** prospectEffort / all effort; null when the manager did nothing countable. */
  prospectShare: number | null;
  /** True when prospects take more than `chasingShare` of the effort. */
  chasingNew: boolean;
  words: string;
}

/** Above this share of effort on prospects, existing clients are being left for new ones. */
export const chasingShare = 0.5;

/**
 * Effort per manager = promises made + touchpoints done, split by whether the account was a
 * prospect; a manager spending more than half of it on prospects is flagged. Most prospect-heavy first.
 */
export function effortByManager(facts: readonly ManagerEffortFacts[]): ManagerEffort[] {
  return facts
    .map((manager): ManagerEffort => {
      const prospectEffort = manager.prospect.promises + manager.prospect.touchpoints;
      const existingEffort = manager.existing.promises + manager.existing.touchpoints;
      const total = prospectEffort + existingEffort;
      const prospectShare = total === 0 ? null : prospectEffort / total;
      return {
        ...manager,
        prospectEffort,
        existingEffort,
        prospectShare,
        chasingNew: prospectShare !== null && prospectShare > chasingShare,
        words:
          prospectShare === null
            ? `${manager.managerName} made no promise and did no touchpoint in this period.`
            : `${manager.managerName} spent ${formatShare(prospectShare)} of their effort on prospects (${prospectEffort} of ${total}).`,
      };
    })
    .sort((a, b) => (b.prospectShare ?? -1) - (a.prospectShare ?? -1));
}

/** A served account and the last time anyone touched it. */
export interface AccountTouchFacts {
  accountId: string;
  accountName: string;
  ownerId: string;
  createdAt: Instant;
  /** The latest promise made or touchpoint done for it in the period looked at; null: none. */
  lastTouchAt: Instant | null;
}

export interface NeglectedAccount {
  accountId: string;
  accountName: string;
  ownerId: string;
  /** Days since the last touch, or since it was created when nothing was found. */
  quietDays: number;
  words: string;
}

/**
 * Existing accounts nobody has touched (no promise made, no touchpoint done) for at least
 * `neglectedAfterDays` days — the same rule as the check-in touchpoint. Longest quiet first.
 */
export function neglectedAccounts(input: {
  accounts: readonly AccountTouchFacts[];
  now: Instant;
  neglectedAfterDays: number;
}): NeglectedAccount[] {
  const nowMs = instantMs(input.now);
  return input.accounts
    .flatMap((account) => {
      const since = account.lastTouchAt ?? account.createdAt;
      const quietDays = Math.floor((nowMs - instantMs(since)) / DAY_MS);
      if (quietDays < input.neglectedAfterDays) return [];
      const last =
        account.lastTouchAt === null ? 'no touch on record' : `last touch ${since.slice(0, 10)}`;
      return [
        {
          accountId: account.accountId,
          accountName: account.accountName,
          ownerId: account.ownerId,
          quietDays,
          words: `${account.accountName}: quiet for ${quietDays} days (${last}).`,
        },
      ];
    })
    .sort((a, b) => b.quietDays - a.quietDays);
}

/** An account whose churn risk appeared at `riskAt`, and the effort on it before and after. */
export interface ChurnRiskEffortFacts {
  accountId: string;
  accountName: string;
  ownerId: string;
  /** When the churn risk first appeared (e.g. a poor satisfaction score). */
  riskAt: Instant;
  /** Promises made and touchpoints done in the `beforeDays` before riskAt. */
  before: number;
  /** … and in the `afterDays` after it. */
  after: number;
}

export interface LateService extends ChurnRiskEffortFacts {
  /** Effort per 30 days before and after the risk appeared. */
  beforeRate: number;
  afterRate: number;
  words: string;
}

/** After the risk, effort at least this many times the rate before counts as a spike. */
export const spikeFactor = 2;
/** … and at least this many touches after it, so that one call is no spike. */
export const spikeMinimum = 3;

/**
 * Service that spikes only after a churn risk appears: effort per 30 days after the risk is at
 * least twice the rate before it (and at least 3 touches), i.e. great service was saved for the
 * moment the client threatened to leave. Largest jump first.
 */
export function serviceAfterChurnRisk(input: {
  accounts: readonly ChurnRiskEffortFacts[];
  beforeDays: number;
  afterDays: number;
}): LateService[] {
  return input.accounts
    .map((account) => {
      const beforeRate = (account.before * 30) / input.beforeDays;
      const afterRate = (account.after * 30) / input.afterDays;
      return {
        ...account,
        beforeRate,
        afterRate,
        words: `${account.accountName}: ${account.before} touches in the ${input.beforeDays} days before the churn risk on ${account.riskAt.slice(0, 10)}, ${account.after} in the ${input.afterDays} days after.`,
      };
    })
    .filter(
      (account) =>
        account.after >= spikeMinimum && account.afterRate >= spikeFactor * account.beforeRate,
    )
    .sort((a, b) => b.afterRate - b.beforeRate - (a.afterRate - a.beforeRate));
}
