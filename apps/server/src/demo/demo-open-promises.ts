import { dayBounds, type PromiseKind } from '@steadfast/domain';
import type { AccountPlan } from './demo-cast.ts';
import type { DeliveryStyle } from './demo-catalogue.ts';
import { type DueMs, deadlineOf, planDue } from './demo-due.ts';
import { alternatives, atRiskReasons, channelWeights } from './demo-promise-catalogue.ts';
import { type Planner, type PromisePlan, termsFor } from './demo-promise-plan.ts';
import type { PlannedEvent } from './demo-story.ts';
import {
  atLocalTime,
  DAY,
  floorToMinute,
  HOUR,
  intoOfficeHours,
  iso,
  isWeekend,
  MINUTE,
  roundTo,
  workingDaysLater,
} from './demo-time.ts';
import type { Random } from './random.ts';

// Promises still running at `now`, placed on purpose so that the "due today", "at risk" and
// "overdue" lists an account manager opens first are never empty in the demo.

function runningAccount(planner: Planner, styleWeights?: Record<DeliveryStyle, number>): number {
  const candidates = planner.cast.accounts.flatMap((account, index) =>
    account.stage === 'active' || account.stage === 'at_risk' || account.stage === 'onboarding'
      ? [[index, styleWeights?.[account.ownerStyle] ?? 1] as const]
      : [],
  );
  return planner.random.weighted(candidates);
}

/** `moment`, moved into office hours when that keeps it at or before `latest`. */
function officeTime(random: Random, moment: number, timeZone: string, latest: number): number {
  const opened = intoOfficeHours(moment, timeZone);
  const snapped = opened === moment ? moment : opened + random.between(5, 120) * MINUTE;
  return Math.min(snapped <= latest ? snapped : moment, latest);
}

function plan(
  planner: Planner,
  promise: {
    accountIndex: number;
    kind: PromiseKind;
    madeAt: number;
    due: DueMs;
    events: PlannedEvent[];
  },
): PromisePlan {
  const { accountIndex, kind, madeAt, due, events } = promise;
  const terms = termsFor(planner, accountIndex, kind);
  return {
    accountIndex,
    contactIndex: terms.contactIndex,
    kind,
    title: terms.title,
    details: terms.details,
    importance: terms.importance,
    condition: null,
    source: { type: 'manual' },
    due,
    madeAt: floorToMinute(madeAt),
    events: events
      .map((event) => ({ ...event, at: floorToMinute(event.at) }))
      .filter((event) => event.at <= planner.now)
      .sort((a, b) => a.at - b.at),
  };
}

function flag(random: Random, kind: PromiseKind, at: number): PlannedEvent {
  return { at, change: { type: 'at_risk_flagged', reason: random.pick(atRiskReasons[kind]) } };
}

function inform(random: Random, kind: PromiseKind, at: number): PlannedEvent {
  const offered = random.shuffle(alternatives[kind]).slice(0, random.int(1, 2));
  return {
    at,
    change: {
      type: 'customer_informed',
      channel: random.weighted(channelWeights),
      alternativesOffered: offered,
      apologised: true,
      message: `This may slip, and we are sorry. Meanwhile we can offer: ${offered.join('; ')}.`,
    },
  };
}

/** Later today in the account's office hours (and in UTC's day), else earlier today. */
function dueTodayDeadline(random: Random, now: number, timeZone: string): number | null {
  const days = [dayBounds(iso(now), 'UTC'), dayBounds(iso(now), timeZone)];
  const dayStart = Math.max(...days.map((day) => Date.parse(day.start)));
  const dayEnd = Math.min(...days.map((day) => Date.parse(day.end)));
  const opens = atLocalTime(now, timeZone, 9);
  const closes = atLocalTime(now, timeZone, 18);
  const laterFrom = Math.max(now + 30 * MINUTE, opens, dayStart);
  const laterUntil = Math.min(closes, dayEnd - 15 * MINUTE);
  if (laterUntil - laterFrom > 30 * MINUTE) {
    return roundTo(random.between(laterFrom, laterUntil), 15 * MINUTE);
  }
  const earlierFrom = Math.max(opens, dayStart);
  const earlierUntil = Math.min(now - 15 * MINUTE, closes);
  if (earlierUntil - earlierFrom > 15 * MINUTE) {
    return floorToMinute(random.between(earlierFrom, earlierUntil));
  }
  return null;
}

/** Due today: ideally later on, in an account whose office day is still running. */
export function planDueToday(planner: Planner): PromisePlan {
  const { random, now } = planner;
  let accountIndex = 0;
  let deadline: number | null = null;
  for (let attempt = 0; deadline === null && attempt < 8; attempt += 1) {
    accountIndex = runningAccount(planner);
    const timeZone = (planner.cast.accounts[accountIndex] as AccountPlan).timeZone; // index from runningAccount
    deadline = dueTodayDeadline(random, now, timeZone);
  }
  deadline ??= now + 10 * MINUTE;
  const account = planner.cast.accounts[accountIndex] as AccountPlan; // index from runningAccount
  const kind = random.pick<PromiseKind>([
    'response',
    'callback',
    'quote',
    'document',
    'fix',
    'meeting',
    'delivery',
  ]);
  const quick = kind === 'response' || kind === 'callback';
  const latestMade = Math.min(now, deadline) - 20 * MINUTE;
  const madeAt = officeTime(
    random,
    deadline - (quick ? random.between(2, 6) * HOUR : random.between(2, 6) * DAY),
    account.timeZone,
    latestMade,
  );
  const events: PlannedEvent[] = [];
  if (kind === 'delivery' && random.chance(0.6)) {
    events.push({
      at: random.between(madeAt, latestMade),
      change: { type: 'progress', milestone: 'Handed to carrier' },
    });
  }
  return plan(planner, {
    accountIndex,
    kind,
    madeAt,
    due: { kind: 'point', at: deadline },
    events,
  });
}

/** Running, due in the coming days, already flagged as slipping. */
export function planAtRisk(planner: Planner): PromisePlan {
  const { random, now } = planner;
  const accountIndex = runningAccount(planner);
  const account = planner.cast.accounts[accountIndex] as AccountPlan; // index from runningAccount
  const kind = random.pick<PromiseKind>(['delivery', 'delivery', 'fix', 'quote', 'document']);
  const madeAt = officeTime(random, now - random.between(1, 8) * DAY, account.timeZone, now - HOUR);
  let due = planDue(random, {
    kind,
    start: madeAt,
    timeZone: account.timeZone,
    importance: 'high',
  });
  if (deadlineOf(due) <= now + 2 * HOUR) {
    due = { kind: 'point', at: workingDaysLater(now, random.int(1, 4), account.timeZone) };
  }
  const flaggedAt = random.between(
    Math.max(madeAt + 30 * MINUTE, now - 2 * DAY),
    now - 10 * MINUTE,
  );
  const events = [flag(random, kind, flaggedAt)];
  if (random.chance(0.5)) events.push(inform(random, kind, random.between(flaggedAt, now)));
  return plan(planner, { accountIndex, kind, madeAt, due, events });
}

/** Running, its due already passed and nothing recorded since: the list nobody wants to grow. */
export function planOverdue(planner: Planner): PromisePlan {
  const { random, now } = planner;
  // Overdue promises pile up where delivery is erratic.
  const accountIndex = runningAccount(planner, { erratic: 4, average: 2, early: 1, steady: 0.5 });
  const account = planner.cast.accounts[accountIndex] as AccountPlan; // index from runningAccount
  const kind = random.pick<PromiseKind>([
    'delivery',
    'fix',
    'response',
    'callback',
    'document',
    'quote',
  ]);
  const hour = random.pick([12, 16, 17]);
  let day = now - random.between(0.5, 12) * DAY;
  let deadline = atLocalTime(day, account.timeZone, hour);
  while (isWeekend(deadline, account.timeZone) || deadline > now - HOUR) {
    day -= DAY;
    deadline = atLocalTime(day, account.timeZone, hour);
  }
  const quick = kind === 'response' || kind === 'callback';
  const madeAt = officeTime(
    random,
    deadline - (quick ? random.between(2, 8) * HOUR : random.between(2, 10) * DAY),
    account.timeZone,
    deadline - 30 * MINUTE,
  );
  const events: PlannedEvent[] = [];
  if (kind === 'delivery' && random.chance(0.5)) {
    events.push({
      at: random.between(madeAt, deadline),
      change: { type: 'progress', milestone: 'Picked and packed' },
    });
  }
  if (random.chance(0.4)) {
    const flaggedAt = random.between(madeAt, deadline);
    events.push(flag(random, kind, flaggedAt));
    if (random.chance(0.4)) events.push(inform(random, kind, random.between(flaggedAt, deadline)));
  }
  return plan(planner, {
    accountIndex,
    kind,
    madeAt,
    due: { kind: 'point', at: deadline },
    events,
  });
}
