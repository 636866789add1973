import type {
  Due,
  Importance,
  MakePromiseCommand,
  PromiseEventChange,
  PromiseKind,
} from '@steadfast/domain';
import type { AccountPlan, DeliveryStyle } from './people.ts';
import { DAY, HOUR } from './people.ts';
import type { Random } from './random.ts';
import { HISTORY_NOW_MS } from './reference.ts';

/** One event of a planned promise life, at the moment it happened. */
export interface PlannedEvent {
  atMs: number;
  change: PromiseEventChange;
}

export interface PromisePlan {
  command: MakePromiseCommand;
  madeAtMs: number;
  /** What happened after it was made, in order, up to the reference now. */
  events: PlannedEvent[];
}

/** How long each kind of work is typically promised for (calendar hours), and its milestones. */
const kinds: Record<
  PromiseKind,
  {
    weight: number;
    hours: [number, number];
    window: number;
    milestones: string[];
    titles: string[];
  }
> = {
  delivery: {
    weight: 30,
    hours: [5 * 24, 14 * 24],
    window: 0.7,
    milestones: [
      'Order confirmed',
      'Picked',
      'Packed',
      'Handed to the carrier',
      'Out for delivery',
      'Customs cleared',
    ],
    titles: [
      'Deliver replacement parts',
      'Ship the spring order',
      'Deliver 40 units',
      'Send sample kit',
      'Deliver the pallet',
    ],
  },
  response: {
    weight: 18,
    hours: [2, 24],
    window: 0,
    milestones: ['Ticket triaged', 'Expert assigned', 'Draft answer ready'],
    titles: [
      'Answer the billing question',
      'Reply about the contract terms',
      'Respond to the complaint',
      'Answer the API question',
    ],
  },
  callback: {
    weight: 12,
    hours: [2, 48],
    window: 0.1,
    milestones: ['Slot found', 'Notes prepared'],
    titles: ['Call back about the invoice', 'Call the CFO back', 'Return the call about pricing'],
  },
  fix: {
    weight: 12,
    hours: [24, 10 * 24],
    window: 0.2,
    milestones: [
      'Reproduced',
      'Root cause found',
      'Fix written',
      'In testing',
      'Deployed to staging',
    ],
    titles: [
      'Fix the export bug',
      'Repair the scanner',
      'Fix the login problem',
      'Correct the invoice totals',
    ],
  },
  quote: {
    weight: 10,
    hours: [24, 5 * 24],
    window: 0.1,
    milestones: ['Requirements clarified', 'Supplier prices in', 'Draft approved'],
    titles: ['Quote for 200 licences', 'Quote the maintenance contract', 'Price the extension'],
  },
  document: {
    weight: 8,
    hours: [2 * 24, 10 * 24],
    window: 0.2,
    milestones: ['Outline agreed', 'First draft', 'Reviewed by legal'],
    titles: ['Send the security whitepaper', 'Send the signed contract', 'Send the audit report'],
  },
  meeting: {
    weight: 6,
    hours: [3 * 24, 21 * 24],
    window: 0.3,
    milestones: ['Agenda sent', 'Room booked'],
    titles: ['Quarterly business review', 'Onboarding workshop', 'Roadmap meeting'],
  },
  other: {
    weight: 4,
    hours: [24, 10 * 24],
    window: 0.2,
    milestones: ['Started', 'Halfway'],
    titles: ['Arrange site visit', 'Introduce the new support lead', 'Set up the portal access'],
  },
};
const kindWeights = (Object.keys(kinds) as PromiseKind[]).map(
  (kind) => [kind, kinds[kind].weight] as const,
);
const importances: readonly (readonly [Importance, number])[] = [
  ['low', 15],
  ['normal', 60],
  ['high', 20],
  ['critical', 5],
];
const integrationSystems = ['order-desk', 'helpdesk', 'crm'] as const;
const channels = ['email', 'phone', 'meeting', 'chat'] as const;
const alternatives = [
  'Partial delivery now, the rest next week',
  'A loan unit in the meantime',
  'Express shipping at our cost',
  'Another supplier who can deliver sooner',
  'A workaround until the fix ships',
];

type Outcome =
  | 'early'
  | 'on_time'
  | 'late'
  | 'late_announced'
  | 'renegotiated'
  | 'missed'
  | 'missed_announced'
  | 'released'
  | 'cancelled';

function outcomeFor(random: Random, style: DeliveryStyle): Outcome {
  const slip = 1 - style.reliability;
  const announced = style.proactivity;
  return random.weighted<Outcome>([
    ['early', style.reliability * style.earliness],
    ['on_time', style.reliability * (1 - style.earliness) - 0.04],
    ['late', slip * 0.45 * (1 - announced)],
    ['late_announced', slip * 0.45 * announced],
    ['renegotiated', slip * 0.4],
    ['missed', slip * 0.15 * (1 - announced)],
    ['missed_announced', slip * 0.15 * announced],
    ['released', 0.02],
    ['cancelled', 0.02],
  ]);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Rounds up to the next full hour, and moves a weekend deadline to Monday 16:00 UTC. */
function dueMoment(ms: number): number {
  const rounded = Math.ceil(ms / HOUR) * HOUR;
  const weekday = new Date(rounded).getUTCDay();
  if (weekday !== 0 && weekday !== 6) return rounded;
  const monday = rounded + (weekday === 6 ? 2 : 1) * DAY;
  return Math.floor(monday / DAY) * DAY + 16 * HOUR;
}

function dueAfter(random: Random, kind: PromiseKind, startMs: number): Due {
  const spec = kinds[kind];
  const hours = random.int(spec.hours[0], spec.hours[1]);
  const latest = dueMoment(startMs + hours * HOUR);
  if (!random.chance(spec.window)) return { kind: 'point', at: iso(latest) };
  const earliest = Math.max(startMs + HOUR, latest - Math.round(hours * 0.3) * HOUR);
  return {
    kind: 'window',
    earliest: iso(Math.min(dueMoment(earliest), latest)),
    latest: iso(latest),
  };
}

const deadlineMs = (due: Due) => Date.parse(due.kind === 'point' ? due.at : due.latest);
const startMs = (due: Due) => Date.parse(due.kind === 'point' ? due.at : due.earliest);

/**
 * Plans one promise's life: what was promised, to whom, and what happened after, as the account
 * manager's style makes it likely (kept early or on time, slipped silently or announced,
 * renegotiated and kept, missed, released, cancelled), with `progress` milestones in between.
 * Events after the reference now did not happen yet: the promise is still open.
 */
export function planPromise(options: {
  random: Random;
  account: AccountPlan;
  ownerId: string;
  style: DeliveryStyle;
  madeAtMs: number;
  /** How many progress milestones to add (tops up the events to the requested total). */
  progressWanted: number;
}): PromisePlan {
  const { random, account, ownerId, style, madeAtMs } = options;
  const kind = random.weighted(kindWeights);
  const spec = kinds[kind];
  const contact = random.chance(0.85) ? random.pick(account.contacts) : undefined;
  const conditional = random.chance(0.06);
  const integration = random.chance(kind === 'delivery' || kind === 'response' ? 0.45 : 0.1);
  const initialDue = dueAfter(random, kind, madeAtMs);
  const command: MakePromiseCommand = {
    accountId: account.id,
    contactId: contact?.id ?? null,
    ownerId,
    kind,
    title: `${random.pick(spec.titles)}${contact === undefined ? '' : ` for ${contact.name.split(' ')[0]}`}`,
    details: random.chance(0.3) ? 'Agreed on the phone; confirmed by e-mail.' : null,
    due: initialDue,
    importance: random.weighted(importances),
    condition: conditional ? 'Provided the customer sends the final specification' : null,
    source: integration
      ? {
          type: 'integration',
          system: random.pick(integrationSystems),
          reference: `REF-${random.int(100_000, 999_999)}`,
        }
      : { type: 'manual' },
    madeAt: iso(madeAtMs),
  };

  const events: PlannedEvent[] = [];
  let clockStart = madeAtMs;
  let due = initialDue;
  let at = madeAtMs;
  const push = (atMs: number, change: PromiseEventChange) => {
    at = Math.max(at + 60_000, Math.round(atMs / 60_000) * 60_000);
    events.push({ atMs: at, change });
  };

  if (conditional) {
    const metAt = madeAtMs + random.int(4, 96) * HOUR;
    clockStart = metAt;
    // Usually the clock restarts the promised duration; else the original date still holds.
    const moves = random.chance(0.7) || deadlineMs(initialDue) <= metAt + HOUR;
    const newDue = moves ? dueAfter(random, kind, metAt) : null;
    push(metAt, { type: 'condition_met', newDue });
    due = newDue ?? initialDue;
  }

  const outcome = outcomeFor(random, style);
  const span = Math.max(HOUR, deadlineMs(due) - clockStart);
  const lateBy = () => HOUR + Math.abs(random.normal()) * style.spread * span * 0.35;
  const progress = (untilMs: number, count: number) => {
    const from = at;
    for (let i = 1; i <= count; i++) {
      const when = from + ((untilMs - from) * i) / (count + 1);
      push(when, {
        type: 'progress',
        milestone: spec.milestones[(i - 1) % spec.milestones.length] ?? 'Progress',
      });
    }
  };
  const flagAndTell = (deadline: number, beforeDue: boolean) => {
    const flagAt = beforeDue
      ? deadline - (deadline - at) * (0.2 + random.next() * 0.4)
      : deadline + HOUR * random.int(2, 48);
    push(flagAt, { type: 'at_risk_flagged', reason: 'Supplier delay upstream' });
    push(at + random.int(10, 180) * 60_000, {
      type: 'customer_informed',
      channel: random.pick(channels),
      alternativesOffered: random.chance(0.6) ? [random.pick(alternatives)] : [],
      apologised: random.chance(0.85),
      message: null,
    });
  };
  const deadline = deadlineMs(due);
  const earliest = startMs(due);
  const milestones = options.progressWanted;

  switch (outcome) {
    case 'early': {
      const doneAt = clockStart + (earliest - clockStart) * (0.35 + random.next() * 0.5);
      progress(doneAt, milestones);
      push(doneAt, { type: 'fulfilled', completeness: 'full', note: null });
      break;
    }
    case 'on_time': {
      const from = Math.max(clockStart + (earliest - clockStart) * 0.9, at + HOUR);
      const doneAt = Math.min(deadline - 60_000, from + (deadline - from) * random.next());
      progress(doneAt, milestones);
      if (kind === 'delivery' && random.chance(0.08)) {
        push(at + (doneAt - at) / 2, {
          type: 'fulfilled',
          completeness: 'partial',
          note: 'First half delivered',
        });
      }
      push(doneAt, { type: 'fulfilled', completeness: 'full', note: null });
      break;
    }
    case 'late':
    case 'late_announced': {
      if (outcome === 'late_announced') {
        progress(deadline - (deadline - at) * 0.5, Math.ceil(milestones / 2));
        flagAndTell(deadline, true);
      } else progress(deadline, Math.ceil(milestones / 2));
      const doneAt = deadline + lateBy();
      progress(doneAt, Math.floor(milestones / 2));
      push(doneAt, { type: 'fulfilled', completeness: 'full', note: null });
      break;
    }
    case 'renegotiated': {
      const early = random.chance(style.proactivity);
      progress(deadline - (deadline - at) * 0.5, Math.ceil(milestones / 2));
      flagAndTell(deadline, early);
      const newDeadline = dueMoment(Math.max(deadline, at) + random.int(1, 10) * DAY);
      push(at + random.int(5, 120) * 60_000, {
        type: 'renegotiated',
        newDue: { kind: 'point', at: iso(newDeadline) },
        reason: 'Parts arrive later than planned',
      });
      const doneAt = random.chance(0.9)
        ? at + (newDeadline - at) * (0.3 + random.next() * 0.65)
        : newDeadline + lateBy() * 0.5;
      progress(doneAt, Math.floor(milestones / 2));
      push(doneAt, { type: 'fulfilled', completeness: 'full', note: null });
      break;
    }
    case 'missed':
    case 'missed_announced': {
      progress(deadline - (deadline - at) * 0.3, milestones);
      if (outcome === 'missed_announced') flagAndTell(deadline, true);
      push(deadline + random.int(4, 96) * HOUR, { type: 'missed', note: 'Could not be delivered' });
      break;
    }
    case 'released':
    case 'cancelled': {
      const endAt = at + (deadline - at) * (0.2 + random.next() * 0.6);
      progress(endAt, Math.floor(milestones / 2));
      push(
        endAt,
        outcome === 'released'
          ? { type: 'released', reason: 'The customer no longer needs it' }
          : { type: 'cancelled', reason: 'Order withdrawn' },
      );
      break;
    }
  }
  // What lies after the reference now has not happened yet.
  let keep = events.length;
  while (keep > 0 && (events[keep - 1]?.atMs ?? 0) > HISTORY_NOW_MS) keep--;
  events.length = keep;
  return { command, madeAtMs, events };
}

/** Business-hours made moments: weekdays, 07:00–17:00 UTC. */
export function businessMoment(ms: number, random: Random): number {
  const dayStart = Math.floor(ms / DAY) * DAY;
  let weekday = new Date(dayStart).getUTCDay();
  let start = dayStart;
  if (weekday === 0 || weekday === 6) {
    start -= (weekday === 6 ? 1 : 2) * DAY;
    weekday = 5;
  }
  return start + 7 * HOUR + random.int(0, 10 * 60 - 1) * 60_000;
}
