import fc from 'fast-check';
import {
  type BusinessMinutesMeasure,
  type CancelledOutcome,
  type ClosedOutcome,
  type EarlyOutcome,
  type LateOutcome,
  type MissedOutcome,
  type OnTimeOutcome,
  type OutcomeFacts,
  type PromiseOutcome,
  promiseOutcome,
  type ReleasedOutcome,
  type RenegotiatedKeptOutcome,
} from '../outcome/promise-outcome.ts';
import type { Slip } from '../outcome/promise-slips.ts';
import type { PromiseState } from '../promise/promise-state.ts';
import { type Importance, importanceLevels } from '../promise/promise-terms.ts';
import type { Instant } from '../shared/instant.ts';
import { daysAfter, hoursAfter, ids, NOW } from './promise-builders.ts';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Business time as plain wall-clock minutes: every minute is a working minute. */
export const wallClockMinutes: BusinessMinutesMeasure = (from, to) =>
  (Date.parse(to) - Date.parse(from)) / MINUTE_MS;

/** Business time in a plain calendar: Monday to Friday, 09:00–17:00 UTC, no holidays. */
export const nineToFiveMinutes: BusinessMinutesMeasure = (from, to) => {
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  if (toMs < fromMs) return -nineToFiveMinutes(to, from);
  let total = 0;
  for (let day = Math.floor(fromMs / DAY_MS) * DAY_MS; day < toMs; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const overlap = Math.min(toMs, day + 17 * HOUR_MS) - Math.max(fromMs, day + 9 * HOUR_MS);
    if (overlap > 0) total += overlap;
  }
  return total / MINUTE_MS;
};

/** The outcome of `state` in 9-to-5 business time, as of the test clock's NOW unless told. */
export function outcomeOf(
  state: PromiseState,
  options: { now?: Instant; businessMinutesBetween?: BusinessMinutesMeasure } = {},
): PromiseOutcome {
  return promiseOutcome(state, {
    businessMinutesBetween: options.businessMinutesBetween ?? nineToFiveMinutes,
    now: options.now ?? NOW,
  });
}

/** The instant `minutes` after `from` (negative for before). */
export function minutesAfter(from: Instant, minutes: number): Instant {
  return new Date(Date.parse(from) + minutes * MINUTE_MS).toISOString();
}

/** When a promise closed, `days` before the test clock's NOW. */
export function daysAgo(days: number): Instant {
  return daysAfter(NOW, -days);
}

interface Common {
  /** Defaults to a day before NOW. */
  closedAt?: Instant;
  importance?: Importance;
}

function facts(deadline: Instant, importance: Importance, slips: Slip[]): OutcomeFacts {
  return {
    promiseId: ids.promise,
    accountId: ids.account,
    ownerId: ids.owner,
    promiseKind: 'delivery',
    importance,
    deadline,
    originalDeadline: slips[0]?.deadline ?? deadline,
    renegotiationCount: slips.filter((slip) => slip.cause === 'renegotiated').length,
    slips,
    announcedBeforeDue: slips.length === 0 ? null : slips.every((slip) => slip.announced),
    partialDeliveries: [],
  };
}

function passed(deadline: Instant, announced: boolean): Slip {
  return { deadline, cause: 'passed', at: deadline, announced };
}

/** A promise kept on time, an hour before its deadline. */
export function aKeptOutcome({ closedAt = daysAgo(1), importance = 'normal' }: Common = {}) {
  const deadline = hoursAfter(closedAt, 1);
  return {
    ...facts(deadline, importance, []),
    kind: 'on_time',
    closedAt,
    fulfilledAt: closedAt,
    lateVsOriginalMinutes: -60,
    aheadOfDeadlineMinutes: 60,
  } satisfies OnTimeOutcome;
}

/** A window promise delivered a business day before its window opened. */
export function anEarlyOutcome({ closedAt = daysAgo(1), importance = 'normal' }: Common = {}) {
  const deadline = daysAfter(closedAt, 3);
  return {
    ...facts(deadline, importance, []),
    kind: 'early',
    closedAt,
    fulfilledAt: closedAt,
    lateVsOriginalMinutes: -3 * 480,
    earlyByMinutes: 480,
    aheadOfDeadlineMinutes: 3 * 480,
  } satisfies EarlyOutcome;
}

/** A promise delivered `lateByMinutes` after its deadline, announced before it or not. */
export function aLateOutcome({
  closedAt = daysAgo(1),
  importance = 'normal',
  lateByMinutes = 240,
  announced = false,
}: Common & { lateByMinutes?: number; announced?: boolean } = {}) {
  const deadline = minutesAfter(closedAt, -lateByMinutes);
  return {
    ...facts(deadline, importance, [passed(deadline, announced)]),
    kind: 'late',
    closedAt,
    fulfilledAt: closedAt,
    lateVsOriginalMinutes: lateByMinutes,
    lateByMinutes,
  } satisfies LateOutcome;
}

/** A promise renegotiated once to a week later (announced or not), then kept by the new date. */
export function aRenegotiatedKeptOutcome({
  closedAt = daysAgo(1),
  importance = 'normal',
  announced = true,
}: Common & { announced?: boolean } = {}) {
  const deadline = hoursAfter(closedAt, 1);
  const first = daysAfter(deadline, -7);
  const slip: Slip = { deadline: first, cause: 'renegotiated', at: first, announced };
  return {
    ...facts(deadline, importance, [slip]),
    kind: 'renegotiated_kept',
    closedAt,
    fulfilledAt: closedAt,
    lateVsOriginalMinutes: 7 * 24 * 60 - 60,
    aheadOfDeadlineMinutes: 60,
  } satisfies RenegotiatedKeptOutcome;
}

/** A promise recorded missed `overdueByMinutes` after its deadline (0: at it). */
export function aMissedOutcome({
  closedAt = daysAgo(1),
  importance = 'normal',
  announced = false,
  overdueByMinutes = 0,
  partlyDelivered = false,
}: Common & { announced?: boolean; overdueByMinutes?: number; partlyDelivered?: boolean } = {}) {
  const deadline = minutesAfter(closedAt, -overdueByMinutes);
  return {
    ...facts(deadline, importance, [passed(deadline, announced)]),
    partialDeliveries: partlyDelivered ? [daysAfter(deadline, -1)] : [],
    kind: 'missed',
    closedAt,
    lateVsOriginalMinutes: overdueByMinutes,
    overdueByMinutes,
    partlyDelivered,
  } satisfies MissedOutcome;
}

/** A promise the customer released us from, a day before its deadline or a day after. */
export function aReleasedOutcome({
  closedAt = daysAgo(1),
  importance = 'normal',
  afterDeadline = false,
}: Common & { afterDeadline?: boolean } = {}) {
  const deadline = daysAfter(closedAt, afterDeadline ? -1 : 1);
  return {
    ...facts(deadline, importance, afterDeadline ? [passed(deadline, false)] : []),
    kind: 'released',
    closedAt,
    lateVsOriginalMinutes: afterDeadline ? 1440 : -1440,
    afterDeadline,
    overdueByMinutes: afterDeadline ? 1440 : 0,
  } satisfies ReleasedOutcome;
}

/** A promise we cancelled, a day before its deadline or a day after. */
export function aCancelledOutcome({
  closedAt = daysAgo(1),
  importance = 'normal',
  afterDeadline = false,
}: Common & { afterDeadline?: boolean } = {}) {
  const deadline = daysAfter(closedAt, afterDeadline ? -1 : 1);
  return {
    ...facts(deadline, importance, afterDeadline ? [passed(deadline, false)] : []),
    kind: 'cancelled',
    closedAt,
    lateVsOriginalMinutes: afterDeadline ? 1440 : -1440,
    afterDeadline,
    overdueByMinutes: afterDeadline ? 1440 : 0,
  } satisfies CancelledOutcome;
}

/** Up to two years back from NOW, in whole hours. */
export const ageDaysArb = fc.integer({ min: 0, max: 2 * 365 * 24 }).map((hours) => hours / 24);
export const importanceArb = fc.constantFrom(...importanceLevels);

interface OutcomeDraw {
  age: number;
  importance: Importance;
  announced: boolean;
  lateness: number;
  partly: boolean;
  afterDeadline: boolean;
  kind: ClosedOutcome['kind'];
}

function drawnOutcome(draw: OutcomeDraw): ClosedOutcome {
  const common = { closedAt: daysAgo(draw.age), importance: draw.importance };
  const { announced, lateness } = draw;
  switch (draw.kind) {
    case 'early':
      return anEarlyOutcome(common);
    case 'on_time':
      return aKeptOutcome(common);
    case 'late':
      return aLateOutcome({ ...common, lateByMinutes: lateness, announced });
    case 'renegotiated_kept':
      return aRenegotiatedKeptOutcome({ ...common, announced });
    case 'missed':
      return aMissedOutcome({
        ...common,
        announced,
        overdueByMinutes: lateness,
        partlyDelivered: draw.partly,
      });
    case 'released':
      return aReleasedOutcome({ ...common, afterDeadline: draw.afterDeadline });
    case 'cancelled':
      return aCancelledOutcome({ ...common, afterDeadline: draw.afterDeadline });
  }
}

/** Any closed outcome a record may hold, closed within two years before NOW. */
export const closedOutcomeArb: fc.Arbitrary<ClosedOutcome> = fc
  .record({
    age: ageDaysArb,
    importance: importanceArb,
    announced: fc.boolean(),
    lateness: fc.integer({ min: 0, max: 20 * 480 }),
    partly: fc.boolean(),
    afterDeadline: fc.boolean(),
    kind: fc.constantFrom<ClosedOutcome['kind']>(
      'early',
      'on_time',
      'late',
      'renegotiated_kept',
      'missed',
      'released',
      'cancelled',
    ),
  })
  .map(drawnOutcome);

/** A record of closed outcomes, of any length up to `maxLength`. */
export function recordArb(maxLength = 30): fc.Arbitrary<ClosedOutcome[]> {
  return fc.array(closedOutcomeArb, { maxLength });
}
