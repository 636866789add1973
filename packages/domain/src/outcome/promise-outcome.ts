import type { PromiseState } from '../promise/promise-state.ts';
import {
  dueDeadline,
  dueStart,
  type Importance,
  type PromiseKind,
} from '../promise/promise-terms.ts';
import { DomainError } from '../shared/domain-error.ts';
import { type Instant, instantMs } from '../shared/instant.ts';
import { promiseSlips, type Slip } from './promise-slips.ts';

/**
 * Working minutes from `from` to `to` in the account's business calendar; negative when `to` is
 * before `from`. Injected, so that outcomes stay free of any particular calendar.
 */
export type BusinessMinutesMeasure = (from: Instant, to: Instant) => number;

export const outcomeKinds = [
  'early',
  'on_time',
  'late',
  'renegotiated_kept',
  'missed',
  'released',
  'cancelled',
  'open',
] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

/** What every outcome says about its promise, however it ended. */
export interface OutcomeFacts {
  promiseId: string;
  accountId: string;
  ownerId: string;
  promiseKind: PromiseKind;
  importance: Importance;
  /** The deadline in force: the point, or the window's latest, of the latest agreed due. */
  deadline: Instant;
  /** The deadline as agreed before any renegotiation (after a condition's new due, if any). */
  originalDeadline: Instant;
  renegotiationCount: number;
  /** Every deadline that did not hold as given, oldest first. */
  slips: Slip[];
  /** Null when nothing slipped; else true only when every slip was announced before its deadline. */
  announcedBeforeDue: boolean | null;
  /** When parts were delivered before the whole (or before it closed otherwise). */
  partialDeliveries: Instant[];
}

/** What every closed outcome adds: when it closed, and how it compares with the original due. */
export interface ClosedOutcomeFacts extends OutcomeFacts {
  closedAt: Instant;
  /**
   * Business minutes from the original deadline to fulfilment (to closing, when not fulfilled):
   * positive when after it, negative when ahead of it.
   */
  lateVsOriginalMinutes: number;
}

/** Delivered before a window opened: early by `earlyByMinutes` business minutes. */
export interface EarlyOutcome extends ClosedOutcomeFacts {
  kind: 'early';
  fulfilledAt: Instant;
  earlyByMinutes: number;
  aheadOfDeadlineMinutes: number;
}

/** Delivered within the window, or at or before a point due, with no renegotiation. */
export interface OnTimeOutcome extends ClosedOutcomeFacts {
  kind: 'on_time';
  fulfilledAt: Instant;
  aheadOfDeadlineMinutes: number;
}

/** Delivered after the deadline in force, by `lateByMinutes` business minutes. */
export interface LateOutcome extends ClosedOutcomeFacts {
  kind: 'late';
  fulfilledAt: Instant;
  lateByMinutes: number;
}

/** Renegotiated at least once, then delivered by the renegotiated deadline. */
export interface RenegotiatedKeptOutcome extends ClosedOutcomeFacts {
  kind: 'renegotiated_kept';
  fulfilledAt: Instant;
  aheadOfDeadlineMinutes: number;
}

/**
 * Recorded as missed. Delivered in part and then missed is still a miss (the promise was the
 * whole): `partlyDelivered` says the customer got something.
 */
export interface MissedOutcome extends ClosedOutcomeFacts {
  kind: 'missed';
  /** Business minutes from the deadline in force to the moment it was recorded missed (≥ 0). */
  overdueByMinutes: number;
  partlyDelivered: boolean;
}

/** The customer released us from it (`afterDeadline`: only once the deadline had gone by). */
export interface ReleasedOutcome extends ClosedOutcomeFacts {
  kind: 'released';
  afterDeadline: boolean;
  overdueByMinutes: number;
}

/** We cancelled it (`afterDeadline`: only once the deadline had gone by). */
export interface CancelledOutcome extends ClosedOutcomeFacts {
  kind: 'cancelled';
  afterDeadline: boolean;
  overdueByMinutes: number;
}

/** Still running (or still waiting for its condition); overdue once its deadline has gone by. */
export interface OpenOutcome extends OutcomeFacts {
  kind: 'open';
  awaitingCondition: boolean;
  overdue: boolean;
  /** Business minutes from the deadline in force to now while overdue, else 0. */
  overdueByMinutes: number;
}

export type ClosedOutcome =
  | EarlyOutcome
  | OnTimeOutcome
  | LateOutcome
  | RenegotiatedKeptOutcome
  | MissedOutcome
  | ReleasedOutcome
  | CancelledOutcome;
export type PromiseOutcome = ClosedOutcome | OpenOutcome;

export function isClosedOutcome(outcome: PromiseOutcome): outcome is ClosedOutcome {
  return outcome.kind !== 'open';
}

function inconsistent(field: string): DomainError {
  return new DomainError({
    code: 'promise_state_inconsistent',
    kind: 'invalid',
    field,
    message: `A closed promise must carry its ${field}.`,
  });
}

/**
 * How a promise turned out, measured in the account's business time: delivered early (before a
 * window opened), on time, late (after the deadline in force), renegotiated-and-kept, missed,
 * released, cancelled, or still open (overdue once now > deadline).
 */
export function promiseOutcome(
  state: PromiseState,
  clock: { businessMinutesBetween: BusinessMinutesMeasure; now: Instant },
): PromiseOutcome {
  const between = clock.businessMinutesBetween;
  const deadline = dueDeadline(state.due);
  const originalDeadline = dueDeadline(state.renegotiations[0]?.from ?? state.due);
  const slips = promiseSlips(state, clock.now);
  const facts: OutcomeFacts = {
    promiseId: state.id,
    accountId: state.terms.accountId,
    ownerId: state.terms.ownerId,
    promiseKind: state.terms.kind,
    importance: state.terms.importance,
    deadline,
    originalDeadline,
    renegotiationCount: state.renegotiations.length,
    slips,
    announcedBeforeDue: slips.length === 0 ? null : slips.every((slip) => slip.announced),
    partialDeliveries: state.partialDeliveries,
  };

  if (state.status === 'open' || state.status === 'awaiting_condition') {
    const overdue = state.status === 'open' && instantMs(clock.now) > instantMs(deadline);
    return {
      ...facts,
      kind: 'open',
      awaitingCondition: state.status === 'awaiting_condition',
      overdue,
      overdueByMinutes: overdue ? Math.max(0, between(deadline, clock.now)) : 0,
    };
  }

  const closedAt = state.closedAt;
  if (closedAt === null) throw inconsistent('closedAt');
  if (state.status === 'fulfilled') {
    const fulfilledAt = state.fulfilledAt;
    if (fulfilledAt === null) throw inconsistent('fulfilledAt');
    const closed: ClosedOutcomeFacts = {
      ...facts,
      closedAt,
      lateVsOriginalMinutes: between(originalDeadline, fulfilledAt),
    };
    if (instantMs(fulfilledAt) > instantMs(deadline)) {
      return {
        ...closed,
        kind: 'late',
        fulfilledAt,
        lateByMinutes: Math.max(0, between(deadline, fulfilledAt)),
      };
    }
    const aheadOfDeadlineMinutes = Math.max(0, between(fulfilledAt, deadline));
    if (state.renegotiations.length > 0) {
      return { ...closed, kind: 'renegotiated_kept', fulfilledAt, aheadOfDeadlineMinutes };
    }
    const start = dueStart(state.due);
    if (state.due.kind === 'window' && instantMs(fulfilledAt) < instantMs(start)) {
      return {
        ...closed,
        kind: 'early',
        fulfilledAt,
        earlyByMinutes: Math.max(0, between(fulfilledAt, start)),
        aheadOfDeadlineMinutes,
      };
    }
    return { ...closed, kind: 'on_time', fulfilledAt, aheadOfDeadlineMinutes };
  }

  const closed: ClosedOutcomeFacts = {
    ...facts,
    closedAt,
    lateVsOriginalMinutes: between(originalDeadline, closedAt),
  };
  const overdueByMinutes = Math.max(0, between(deadline, closedAt));
  if (state.status === 'missed') {
    return {
      ...closed,
      kind: 'missed',
      overdueByMinutes,
      partlyDelivered: state.partialDeliveries.length > 0,
    };
  }
  const afterDeadline = instantMs(closedAt) > instantMs(deadline);
  return { ...closed, kind: state.status, afterDeadline, overdueByMinutes };
}
