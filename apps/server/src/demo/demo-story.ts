import type { PromiseEventInput, PromiseKind } from '@steadfast/domain';
import { type DueMs, deadlineOf, dueInput, extendedDue, startOf } from './demo-due.ts';
import {
  alternatives,
  atRiskReasons,
  cancelledReasons,
  channelWeights,
  milestones,
  missedNotes,
  releasedReasons,
  renegotiationReasons,
  silentMissNotes,
} from './demo-promise-catalogue.ts';
import type { Outcome, StyleProfile } from './demo-styles.ts';
import { backIntoOfficeHours, DAY, HOUR, intoOfficeHours, MINUTE, roundTo } from './demo-time.ts';
import type { Random } from './random.ts';

export interface PlannedEvent {
  at: number;
  change: PromiseEventInput;
}

/** Typical lateness of each kind when it is late. */
const lateScale: Readonly<Record<PromiseKind, number>> = {
  response: 5 * HOUR,
  callback: 8 * HOUR,
  quote: 40 * HOUR,
  document: 48 * HOUR,
  delivery: 80 * HOUR,
  fix: 50 * HOUR,
  meeting: 25 * MINUTE,
  other: 30 * HOUR,
};

export interface StoryContext {
  random: Random;
  kind: PromiseKind;
  timeZone: string;
  profile: StyleProfile;
  /** When the clock started: made, or the condition met. */
  start: number;
  due: DueMs;
}

/** The events after `made` (and `condition_met`) that tell the story of `outcome`, in order. */
export function storyEvents(outcome: Outcome, context: StoryContext): PlannedEvent[] {
  const { random, kind, timeZone, profile, start, due } = context;
  const deadline = deadlineOf(due);
  const allowed = deadline - start;
  const events: PlannedEvent[] = [];
  const at = (moment: number, change: PromiseEventInput) => events.push({ at: moment, change });
  // Office hours (not all at nine sharp), forwards or else backwards, staying within
  // [floor, limit]; a moment that fits neither way stays as it is.
  const snap = (moment: number, limit = Number.POSITIVE_INFINITY, floor = start) => {
    const opened = intoOfficeHours(moment, timeZone);
    if (opened === moment) return moment;
    const forwards = opened + random.between(5, 150) * MINUTE;
    if (forwards <= limit) return forwards;
    const backwards = backIntoOfficeHours(moment, timeZone) - random.between(0, 90) * MINUTE;
    return backwards >= floor && backwards <= limit ? backwards : moment;
  };
  const lateness = () =>
    Math.max(
      15 * MINUTE,
      lateScale[kind] * profile.lateSpread * (0.15 + Math.abs(random.normal(0, 1))),
    );

  // Kept by `target`, working from `from` (the start, or when a new date was agreed).
  const onTime = (target: DueMs, from = start): number => {
    const end = deadlineOf(target);
    if (kind === 'meeting') return end;
    if (target.kind === 'window') {
      return snap(random.between(Math.max(target.earliest, from), end), end, from);
    }
    const span = (end - from) * random.between(0, profile.onTimeSlack);
    return snap(Math.min(roundTo(end - span, 5 * MINUTE), end), end, from);
  };
  const early = (): number => {
    if (kind === 'meeting') return deadline;
    const until = due.kind === 'window' ? due.earliest - start : allowed;
    return snap(start + until * random.between(...profile.earlyShare), startOf(due) - MINUTE);
  };
  const late = (target: DueMs): number =>
    kind === 'meeting'
      ? deadlineOf(target) + roundTo(lateness(), 5 * MINUTE)
      : snap(deadlineOf(target) + lateness());

  const announce = (): number => {
    const flaggedAt = snap(start + allowed * random.between(0.4, 0.85), deadline - HOUR);
    at(flaggedAt, { type: 'at_risk_flagged', reason: random.pick(atRiskReasons[kind]) });
    const informedAt = Math.min(
      flaggedAt + random.between(0.25, 4) * HOUR,
      (flaggedAt + deadline) / 2,
    );
    const offered = random.shuffle(alternatives[kind]).slice(0, random.int(1, 2));
    at(informedAt, {
      type: 'customer_informed',
      channel: random.weighted(channelWeights),
      alternativesOffered: offered,
      apologised: true,
      message: `We are sorry: this will not make the agreed date. We can offer: ${offered.join('; ')}.`,
    });
    return informedAt;
  };
  const renegotiate = (): { newDue: DueMs; agreedAt: number } => {
    const informedAt = announce();
    const agreedAt = Math.min(informedAt + random.between(0.5, 20) * HOUR, deadline - MINUTE);
    const newDue = extendedDue(random, { kind, due, timeZone, allowed });
    at(agreedAt, {
      type: 'renegotiated',
      newDue: dueInput(newDue),
      reason: random.pick(renegotiationReasons),
    });
    return { newDue, agreedAt };
  };
  const fulfil = (moment: number) => {
    decorate(context, events, moment);
    at(moment, { type: 'fulfilled', completeness: 'full', note: null });
  };
  const belatedApology = (after: number, probability: number) => {
    if (!random.chance(probability)) return;
    at(after + random.between(0.5, 30) * HOUR, {
      type: 'customer_informed',
      channel: random.weighted(channelWeights),
      alternativesOffered: [],
      apologised: true,
      message: 'Apologies for the delay, and for not telling you sooner.',
    });
  };

  switch (outcome) {
    case 'early':
      fulfil(early());
      break;
    case 'on_time':
      fulfil(onTime(due));
      break;
    case 'late': {
      if (random.chance(0.2)) {
        at(snap(start + allowed * random.between(0.5, 0.9), deadline - HOUR), {
          type: 'at_risk_flagged',
          reason: random.pick(atRiskReasons[kind]),
        });
      }
      const deliveredAt = late(due);
      belatedApology(deadline, 0.3);
      fulfil(deliveredAt);
      break;
    }
    case 'renegotiated_kept': {
      const { newDue, agreedAt } = renegotiate();
      fulfil(onTime(newDue, agreedAt));
      break;
    }
    case 'renegotiated_late':
      fulfil(late(renegotiate().newDue));
      break;
    case 'renegotiated_missed': {
      const newDeadline = deadlineOf(renegotiate().newDue);
      at(snap(newDeadline + random.between(1, 24) * HOUR), {
        type: 'missed',
        note: random.pick(missedNotes),
      });
      break;
    }
    case 'announced_miss':
      announce();
      at(snap(deadline + random.between(0.5, 24) * HOUR), {
        type: 'missed',
        note: random.pick(missedNotes),
      });
      break;
    case 'silent_miss': {
      const missedAt = snap(deadline + lateness() * random.between(1, 3));
      at(missedAt, { type: 'missed', note: random.pick(silentMissNotes) });
      belatedApology(missedAt, 0.4);
      break;
    }
    case 'released':
      at(snap(start + allowed * random.between(0.1, 0.9), deadline), {
        type: 'released',
        reason: random.pick(releasedReasons),
      });
      break;
    case 'cancelled':
      at(snap(start + allowed * random.between(0.05, 0.7), deadline), {
        type: 'cancelled',
        reason: random.pick(cancelledReasons),
      });
      break;
  }
  return events.sort((a, b) => a.at - b.at);
}

/** Milestones on the way and, for goods and documents, sometimes a delivery in part first. */
function decorate(context: StoryContext, events: PlannedEvent[], fulfilledAt: number): void {
  const { random, kind, start } = context;
  const span = fulfilledAt - start;
  const steps = milestones[kind];
  if (steps !== undefined && span > 6 * HOUR && random.chance(kind === 'delivery' ? 0.7 : 0.35)) {
    const count = random.int(1, steps.length);
    steps.slice(steps.length - count).forEach((milestone, index) => {
      const share = (index + 1) / (count + 1);
      events.push({
        at: start + span * random.between(share - 0.1, share + 0.05),
        change: { type: 'progress', milestone },
      });
    });
  }
  if ((kind === 'delivery' || kind === 'document') && span > 2 * DAY && random.chance(0.22)) {
    events.push({
      at: start + span * random.between(0.6, 0.9),
      change: {
        type: 'fulfilled',
        completeness: 'partial',
        note: 'Delivered what was ready; the rest follows',
      },
    });
  }
}
