import type { AccountStage, PromiseKind } from '@steadfast/domain';
import type { DeliveryStyle } from './demo-catalogue.ts';
import type { Random } from './random.ts';

// How each account manager's promises tend to turn out, and how the kind of promise and the
// state of the account shift those odds.

/** How a promise's life turns out, before the clock of the demo cuts it off at `now`. */
export type Outcome =
  | 'early'
  | 'on_time'
  | 'late'
  | 'renegotiated_kept'
  | 'renegotiated_late'
  | 'renegotiated_missed'
  | 'announced_miss'
  | 'silent_miss'
  | 'released'
  | 'cancelled';

export interface StyleProfile {
  outcomes: Readonly<Record<Outcome, number>>;
  /** Early deliveries land at this share of the time allowed. */
  earlyShare: readonly [number, number];
  /** On-time deliveries land within this last share of the time allowed. */
  onTimeSlack: number;
  /** How far lateness spreads, relative to the kind's typical lateness. */
  lateSpread: number;
}

/** Relative odds of each outcome, in the order a manager's record is usually read. */
const odds = (
  early: number,
  on_time: number,
  late: number,
  renegotiated: readonly [kept: number, late: number, missed: number],
  announced_miss: number,
  silent_miss: number,
  released: number,
  cancelled: number,
): Record<Outcome, number> => ({
  early,
  on_time,
  late,
  renegotiated_kept: renegotiated[0],
  renegotiated_late: renegotiated[1],
  renegotiated_missed: renegotiated[2],
  announced_miss,
  silent_miss,
  released,
  cancelled,
});

export const styleProfiles: Readonly<Record<DeliveryStyle, StyleProfile>> = {
  // The tortoise: nearly always on time, by a small margin, and says so early when not.
  steady: {
    outcomes: odds(8, 76, 6, [5, 0.5, 0.3], 1.5, 0.7, 1.5, 1),
    earlyShare: [0.7, 0.85],
    onTimeSlack: 0.08,
    lateSpread: 0.4,
  },
  // Heroics and silence: early one week, days late without a word the next.
  erratic: {
    outcomes: odds(14, 42, 20, [4, 2, 1], 3, 12, 2.5, 2.5),
    earlyShare: [0.2, 0.8],
    onTimeSlack: 0.4,
    lateSpread: 2.2,
  },
  // Over-delivers: 5–7 days on a 10–14 day promise, every time, which resets the bar.
  early: {
    outcomes: odds(64, 22, 3, [3, 0.5, 0.3], 1.2, 0.8, 2.5, 2),
    earlyShare: [0.45, 0.7],
    onTimeSlack: 0.1,
    lateSpread: 0.6,
  },
  average: {
    outcomes: odds(15, 56, 12, [5, 1, 0.5], 4, 4.5, 2, 2),
    earlyShare: [0.5, 0.85],
    onTimeSlack: 0.15,
    lateSpread: 1,
  },
};

type Factors = Partial<Record<Outcome, number>>;
const renegotiated = (factor: number): Factors => ({
  renegotiated_kept: factor,
  renegotiated_late: factor,
  renegotiated_missed: factor,
});

// Callbacks get forgotten, goods get held up, meetings get moved rather than missed.
const kindFactors: Readonly<Partial<Record<PromiseKind, Factors>>> = {
  response: { silent_miss: 1.8, released: 0.5, cancelled: 0.3, ...renegotiated(0.5) },
  callback: { silent_miss: 2, released: 0.5, ...renegotiated(0.4) },
  delivery: { early: 0.8, late: 1.4, announced_miss: 1.3, cancelled: 1.5, ...renegotiated(1.6) },
  fix: { late: 1.3, ...renegotiated(1.3) },
  quote: { early: 1.2 },
  document: { early: 1.2 },
  meeting: { early: 0, late: 0.6, released: 1.5, ...renegotiated(1.5), renegotiated_kept: 2.5 },
};

// A client at risk is usually at risk for a reason.
const stageFactors: Readonly<Partial<Record<AccountStage, Factors>>> = {
  at_risk: { late: 1.6, silent_miss: 2, renegotiated_late: 1.5 },
};

export function pickOutcome(
  random: Random,
  promise: { profile: StyleProfile; kind: PromiseKind; stage: AccountStage },
): Outcome {
  const { profile, kind, stage } = promise;
  const byKind = kindFactors[kind] ?? {};
  const byStage = stageFactors[stage] ?? {};
  const entries = Object.entries(profile.outcomes) as [Outcome, number][];
  return random.weighted(
    entries.map(
      ([outcome, weight]) =>
        [outcome, weight * (byKind[outcome] ?? 1) * (byStage[outcome] ?? 1)] as const,
    ),
  );
}
