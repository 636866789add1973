import type { AccountStage, AccountTier, BusinessCalendar } from '@steadfast/domain';
import { standardBusinessCalendar } from '@steadfast/domain';
import type { HistoryScale } from '../figure.ts';
import {
  companySuffixes,
  companyTrades,
  companyWords,
  contactRoles,
  firstNames,
  lastNames,
} from './names.ts';
import type { Random } from './random.ts';
import { benchAdmin, benchLeader, HISTORY_NOW_MS, HISTORY_YEARS } from './reference.ts';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** When the company started using Steadfast: a month before the oldest promise. */
export const historyStartMs = HISTORY_NOW_MS - HISTORY_YEARS * 365 * DAY;
export const adoptionMs = historyStartMs - 30 * DAY;

/** How an account manager delivers: the differences trust rankings are meant to surface. */
export interface DeliveryStyle {
  /** Share of promises kept on time or early (before slips, misses and renegotiations). */
  reliability: number;
  /** How widely lateness spreads: 0.3 steady … 1.5 erratic. */
  spread: number;
  /** Share of slips announced to the customer before the due. */
  proactivity: number;
  /** How often delivery runs well ahead of the promise (expectation drift). */
  earliness: number;
}

export interface PersonPlan {
  id: string;
  name: string;
  email: string;
  role: 'account_manager' | 'leader' | 'admin';
  teamIndex: number | null;
  createdAtMs: number;
  style: DeliveryStyle;
}

export interface TeamPlan {
  id: string;
  name: string;
  createdAtMs: number;
}

export interface ContactPlan {
  id: string;
  name: string;
  email: string;
  phone: string;
  role: string;
}

export interface AccountPlan {
  id: string;
  name: string;
  ownerIndex: number;
  stage: AccountStage;
  tier: AccountTier;
  timeZone: string;
  /** The client's own business calendar, or null when the company's applies. */
  calendar: BusinessCalendar | null;
  customerSince: string | null;
  createdAtMs: number;
  /** Promises to the account stop after this (a churned client); Infinity otherwise. */
  activeUntilMs: number;
  /** How many promises it gets relative to the others. */
  weight: number;
  contacts: ContactPlan[];
}

export interface Cast {
  teams: TeamPlan[];
  people: PersonPlan[];
  managers: number[];
  accounts: AccountPlan[];
}

export const companyTimeZone = 'Europe/Berlin';
const timeZones: readonly (readonly [string, number])[] = [
  [companyTimeZone, 55],
  ['Europe/London', 12],
  ['Europe/Paris', 8],
  ['America/New_York', 10],
  ['America/Los_Angeles', 5],
  ['Asia/Singapore', 5],
  ['Australia/Sydney', 3],
  ['Asia/Tokyo', 2],
];
const calendars = new Map<string, BusinessCalendar>();
function calendarOf(timeZone: string): BusinessCalendar | null {
  if (timeZone === companyTimeZone) return null;
  let calendar = calendars.get(timeZone);
  if (calendar === undefined) {
    calendar = standardBusinessCalendar(timeZone);
    calendars.set(timeZone, calendar);
  }
  return calendar;
}

const stages: readonly (readonly [AccountStage, number])[] = [
  ['active', 78],
  ['prospect', 6],
  ['onboarding', 5],
  ['at_risk', 6],
  ['churned', 5],
];
const tiers: readonly (readonly [AccountTier, number])[] = [
  ['strategic', 4],
  ['key', 16],
  ['standard', 55],
  ['small', 25],
];
const tierWeight: Record<AccountTier, number> = { strategic: 6, key: 3, standard: 1.4, small: 0.6 };
const stageWeight: Record<AccountStage, number> = {
  active: 1,
  at_risk: 1.2,
  onboarding: 1.5,
  prospect: 0.4,
  churned: 0.8,
};

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '.');

/** A person's style: a few steady, most ordinary, a few erratic or silent about slips. */
function styleFor(random: Random, index: number): DeliveryStyle {
  const archetype = index % 5;
  const base: DeliveryStyle =
    archetype === 0
      ? { reliability: 0.93, spread: 0.35, proactivity: 0.9, earliness: 0.15 } // the tortoise
      : archetype === 1
        ? { reliability: 0.82, spread: 1.4, proactivity: 0.45, earliness: 0.35 } // heroics, erratic
        : archetype === 2
          ? { reliability: 0.78, spread: 0.9, proactivity: 0.25, earliness: 0.1 } // silent slipper
          : { reliability: 0.87, spread: 0.7, proactivity: 0.7, earliness: 0.2 };
  const jitter = (value: number, by: number, min: number, max: number) =>
    Math.min(max, Math.max(min, value + random.normal() * by));
  return {
    reliability: jitter(base.reliability, 0.03, 0.6, 0.98),
    spread: jitter(base.spread, 0.1, 0.2, 2),
    proactivity: jitter(base.proactivity, 0.08, 0.05, 0.98),
    earliness: jitter(base.earliness, 0.05, 0.02, 0.6),
  };
}

/** Who works here and whom they serve: teams of account managers, a leader, an admin, accounts. */
export function planCast(options: {
  scale: HistoryScale;
  random: Random;
  newId: (atMs: number) => string;
}): Cast {
  const { scale, random, newId } = options;
  const managerCount = Math.min(20, Math.max(2, Math.ceil(scale.accounts / 5)));
  const teamCount = Math.min(4, Math.max(1, Math.ceil(managerCount / 5)));
  const teamNames = ['Team Atlas', 'Team Meridian', 'Team Northwind', 'Team Summit'];
  const teams: TeamPlan[] = teamNames.slice(0, teamCount).map((name) => ({
    id: newId(adoptionMs),
    name,
    createdAtMs: adoptionMs,
  }));
  const people: PersonPlan[] = [];
  const usedEmails = new Set<string>();
  const person = (
    role: PersonPlan['role'],
    teamIndex: number | null,
    fixed?: { name: string; email: string },
  ): PersonPlan => {
    let name = fixed?.name ?? `${random.pick(firstNames)} ${random.pick(lastNames)}`;
    let email = fixed?.email ?? `${slug(name)}@steadfast.bench`;
    for (let n = 2; usedEmails.has(email); n++) {
      name = `${name.split(' ')[0]} ${random.pick(lastNames)}`;
      email = `${slug(name)}.${n}@steadfast.bench`;
    }
    usedEmails.add(email);
    const createdAtMs = adoptionMs + (role === 'account_manager' ? random.int(0, 10) * DAY : 0);
    return {
      id: newId(createdAtMs),
      name,
      email,
      role,
      teamIndex,
      createdAtMs,
      style: styleFor(random, people.length),
    };
  };
  people.push(person('leader', null, { name: 'Morgan Bench', email: benchLeader.email }));
  people.push(person('admin', null, { name: 'Alex Admin', email: benchAdmin.email }));
  const managers: number[] = [];
  for (let m = 0; m < managerCount; m++) {
    managers.push(people.length);
    people.push(person('account_manager', m % teamCount));
  }

  const accounts: AccountPlan[] = [];
  for (let a = 0; a < scale.accounts; a++) {
    const stage = random.weighted(stages);
    const tier = random.weighted(tiers);
    const timeZone = random.weighted(timeZones);
    let customerSinceMs: number | null;
    let createdAtMs: number;
    let activeUntilMs = Number.POSITIVE_INFINITY;
    if (stage === 'prospect') {
      customerSinceMs = null;
      createdAtMs = HISTORY_NOW_MS - random.int(10, 270) * DAY;
    } else if (stage === 'onboarding') {
      customerSinceMs = HISTORY_NOW_MS - random.int(5, 120) * DAY;
      createdAtMs = customerSinceMs - random.int(10, 60) * DAY;
    } else {
      customerSinceMs = HISTORY_NOW_MS - random.int(150, 8 * 365) * DAY;
      createdAtMs = Math.max(customerSinceMs, adoptionMs + random.int(0, 20) * HOUR);
      if (stage === 'churned') {
        activeUntilMs = Math.max(
          createdAtMs + 60 * DAY,
          HISTORY_NOW_MS - random.int(30, 700) * DAY,
        );
      }
    }
    const name = `${random.pick(companyWords)} ${random.pick(companyTrades)} ${random.pick(companySuffixes)}`;
    const domain = `${slug(name.split(' ').slice(0, 2).join(' '))}${a}.example`;
    const contactCount =
      tier === 'strategic'
        ? random.int(3, 6)
        : tier === 'key'
          ? random.int(2, 4)
          : random.int(1, 3);
    const contacts: ContactPlan[] = [];
    for (let c = 0; c < contactCount; c++) {
      const first = random.pick(firstNames);
      const last = random.pick(lastNames);
      contacts.push({
        id: newId(createdAtMs),
        name: `${first} ${last}`,
        email: `${slug(first)}.${slug(last)}${c === 0 ? '' : c}@${domain}`,
        phone: `+49 30 ${random.int(1_000_000, 9_999_999)}`,
        role: random.pick(contactRoles),
      });
    }
    accounts.push({
      id: newId(createdAtMs),
      name,
      ownerIndex: managers[a % managers.length] ?? 0,
      stage,
      tier,
      timeZone,
      calendar: calendarOf(timeZone),
      customerSince: customerSinceMs === null ? null : day(customerSinceMs),
      createdAtMs,
      activeUntilMs,
      weight: tierWeight[tier] * stageWeight[stage] * (0.5 + random.next()),
      contacts,
    });
  }
  return { teams, people, managers, accounts };
}
