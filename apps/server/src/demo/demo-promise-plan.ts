import type { Importance, PromiseKind, PromiseSource } from '@steadfast/domain';
import type { AccountPlan, Cast } from './demo-cast.ts';
import { type DueMs, deadlineOf, dueInput, planDue } from './demo-due.ts';
import { promiseConditions, promiseDetails } from './demo-promise-catalogue.ts';
import { type PlannedEvent, storyEvents } from './demo-story.ts';
import { pickOutcome, styleProfiles } from './demo-styles.ts';
import { pickImportance, pickKind, pickTitle } from './demo-terms.ts';
import { DAY, floorToMinute, intoOfficeHours, MINUTE, officeMoment } from './demo-time.ts';
import type { Random } from './random.ts';

/** One demo promise: its terms, when it was made and what has happened to it up to `now`. */
export interface PromisePlan {
  accountIndex: number;
  contactIndex: number | null;
  kind: PromiseKind;
  title: string;
  details: string | null;
  importance: Importance;
  condition: string | null;
  source: PromiseSource;
  due: DueMs;
  madeAt: number;
  /** What happened after it was made, oldest first, none after `now`. */
  events: PlannedEvent[];
}

export interface Planner {
  random: Random;
  cast: Cast;
  now: number;
}

export function termsFor(planner: Planner, accountIndex: number, kind: PromiseKind) {
  const { random, cast } = planner;
  const account = cast.accounts[accountIndex] as AccountPlan; // indices come from cast.accounts
  const importance = pickImportance(random, kind, account.tier);
  const { title, contactIndex } = pickTitle(random, kind, account);
  const detailPool = promiseDetails[kind];
  const details = detailPool !== undefined && random.chance(0.3) ? random.pick(detailPool) : null;
  return { account, importance, contactIndex, title, details };
}

export function sourceFor(random: Random, kind: PromiseKind): PromiseSource {
  if (kind === 'delivery' && random.chance(0.45)) {
    return {
      type: 'integration',
      system: 'Orderdesk',
      reference: `SO-${random.int(10_000, 19_999)}`,
    };
  }
  if (kind === 'fix' && random.chance(0.2)) {
    return {
      type: 'integration',
      system: 'Helpdesk',
      reference: `HD-${random.int(40_000, 49_999)}`,
    };
  }
  return { type: 'manual' };
}

/** A promise from an account's ordinary history: any time in its active months, any outcome. */
export function planOrdinary(planner: Planner, accountIndex: number): PromisePlan | null {
  const { random, cast, now } = planner;
  const account = cast.accounts[accountIndex] as AccountPlan; // indices come from cast.accounts
  const span = account.activeUntil - account.activeFrom;
  // More promises lately than long ago: the book of business grows.
  const madeAt = floorToMinute(
    officeMoment(
      account.activeUntil - span * random.next() ** 1.25,
      account.timeZone,
      random.between(8.75, 17.75),
    ),
  );
  if (madeAt > Math.min(now - 10 * MINUTE, account.activeUntil)) return null;

  const kind = pickKind(random, account.stage);
  const terms = termsFor(planner, accountIndex, kind);
  const source = sourceFor(random, kind);
  const conditional =
    source.type === 'manual' &&
    kind !== 'response' &&
    kind !== 'callback' &&
    kind !== 'meeting' &&
    random.chance(0.08);
  const profile = styleProfiles[account.ownerStyle];
  const outcome = pickOutcome(random, { profile, kind, stage: account.stage });
  const events: PlannedEvent[] = [];

  const { timeZone } = account;
  const { importance } = terms;
  // A conditional promise is given assuming the customer does their part within two days.
  const madeDue = planDue(random, {
    kind,
    start: conditional ? madeAt + 2 * DAY : madeAt,
    timeZone,
    importance,
  });
  let due = madeDue;
  let start = madeAt;
  if (conditional) {
    // The clock starts when the customer does their part.
    const waited = madeAt + random.between(0.3, 7) * DAY;
    const opened = intoOfficeHours(waited, timeZone);
    start = floorToMinute(opened === waited ? waited : opened + random.between(0, 120) * MINUTE);
    // Met late, the clock starts later and the due moves with it; met early, the due stands.
    const fresh = planDue(random, { kind, start, timeZone, importance });
    const newDue = deadlineOf(fresh) > deadlineOf(madeDue) ? fresh : null;
    events.push({
      at: start,
      change: { type: 'condition_met', newDue: newDue === null ? null : dueInput(newDue) },
    });
    due = newDue ?? due;
  }
  events.push(...storyEvents(outcome, { random, kind, timeZone, profile, start, due }));

  return {
    accountIndex,
    contactIndex: terms.contactIndex,
    kind,
    title: terms.title,
    details:
      source.type === 'integration'
        ? `Created from ${source.system} ${source.reference}`
        : terms.details,
    importance,
    condition: conditional ? random.pick(promiseConditions) : null,
    source,
    due: madeDue,
    madeAt,
    events: events
      .map((event) => ({ ...event, at: floorToMinute(event.at) }))
      .filter((event) => event.at <= now),
  };
}
