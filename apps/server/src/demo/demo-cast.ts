import type { AccountStage, AccountTier } from '@steadfast/domain';
import {
  contactRoles,
  type DeliveryStyle,
  type DemoTeamMember,
  demoCompanies,
  demoTeam,
  emailLocalPart,
  type Region,
  regionPeople,
} from './demo-catalogue.ts';
import { DAY, HOUR } from './demo-time.ts';
import type { Random } from './random.ts';

/** How far back the demo history reaches: 18 months. */
export const HISTORY = 548 * DAY;

export interface ContactPlan {
  name: string;
  /** What a title calls them: `Wei Ling`, not `Wei`. */
  firstName: string;
  email: string;
  phone: string;
  role: string;
}

export interface AccountPlan {
  name: string;
  ownerIndex: number;
  ownerStyle: DeliveryStyle;
  stage: AccountStage;
  tier: AccountTier;
  timeZone: string;
  region: Region;
  customerSince: string | null;
  createdAt: number;
  contacts: ContactPlan[];
  /** Promises to this account are made in [activeFrom, activeUntil]. */
  activeFrom: number;
  activeUntil: number;
  /** How many promises this account gets relative to the others. */
  promiseWeight: number;
}

type Unowned = Omit<AccountPlan, 'ownerIndex' | 'ownerStyle'>;

export interface TeamPlan extends DemoTeamMember {
  createdAt: number;
}

export interface Cast {
  team: TeamPlan[];
  accounts: AccountPlan[];
}

// Mostly active accounts; a few at each other stage so every view has something to show.
const stageDeck: readonly AccountStage[] = [
  ...Array<AccountStage>(2).fill('prospect'),
  ...Array<AccountStage>(3).fill('onboarding'),
  ...Array<AccountStage>(4).fill('at_risk'),
  ...Array<AccountStage>(2).fill('churned'),
];

const tierWeights: readonly (readonly [AccountTier, number])[] = [
  ['strategic', 15],
  ['key', 25],
  ['standard', 45],
  ['small', 15],
];

const tierVolume: Readonly<Record<AccountTier, number>> = {
  strategic: 3,
  key: 2,
  standard: 1.2,
  small: 0.6,
};
const stageVolume: Readonly<Record<AccountStage, number>> = {
  prospect: 0.35,
  onboarding: 0.9,
  active: 1,
  at_risk: 1.1,
  churned: 0.7,
};

function calendarDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function middayUtc(ms: number): number {
  return Math.floor(ms / DAY) * DAY + 12 * HOUR;
}

function planContacts(random: Random, region: Region, domain: string): ContactPlan[] {
  const people = regionPeople[region];
  const count = random.weighted([
    [1, 30],
    [2, 45],
    [3, 25],
  ] as const);
  const contacts: ContactPlan[] = [];
  const roles = random.shuffle(contactRoles);
  while (contacts.length < count) {
    const firstName = random.pick(people.firstNames);
    const name = `${firstName} ${random.pick(people.lastNames)}`;
    if (contacts.some((contact) => contact.name === name)) continue;
    contacts.push({
      name,
      firstName,
      email: `${emailLocalPart(name)}@${domain}`,
      phone: people.phone(String(random.int(1000, 9999))),
      role: roles[contacts.length] ?? 'Operations Manager',
    });
  }
  return contacts;
}

/** The team and its clients: who owns which account, at what stage, since when. */
export function planCast(random: Random, now: number): Cast {
  const team = demoTeam.map((member, index) => ({
    ...member,
    createdAt: middayUtc(now - 7 * 365 * DAY + index * 40 * DAY),
  }));
  const managers = team.flatMap((member, index) =>
    member.style === null ? [] : [{ index, style: member.style }],
  );
  const companies = random.shuffle(demoCompanies);
  const stages = random.shuffle([
    ...stageDeck,
    ...Array<AccountStage>(Math.max(0, companies.length - stageDeck.length)).fill('active'),
  ]);

  const unowned = companies.map((company, position): Unowned => {
    const stage = stages[position] ?? 'active';
    const tier = stage === 'prospect' ? 'standard' : random.weighted(tierWeights);

    let customerSince: string | null = null;
    let createdAt: number;
    if (stage === 'prospect') {
      createdAt = middayUtc(now - random.int(30, 150) * DAY);
    } else {
      const since =
        stage === 'onboarding'
          ? now - random.int(45, 300) * DAY
          : now - random.int(365, 6 * 365) * DAY;
      customerSince = calendarDate(since);
      createdAt = middayUtc(since - random.int(14, 60) * DAY);
    }
    const activeFrom = Math.max(now - HISTORY, createdAt + DAY);
    const activeUntil = stage === 'churned' ? now - random.int(60, 200) * DAY : now;
    return {
      name: company.name,
      stage,
      tier,
      timeZone: company.timeZone,
      region: company.region,
      customerSince,
      createdAt,
      contacts: planContacts(random, company.region, company.domain),
      activeFrom,
      activeUntil,
      promiseWeight: tierVolume[tier] * stageVolume[stage] * ((activeUntil - activeFrom) / HISTORY),
    };
  });

  // Books of similar size, so every manager's record is long enough to judge.
  const load = managers.map(() => 0);
  const owners = new Map<Unowned, number>();
  for (const account of [...unowned].sort((a, b) => b.promiseWeight - a.promiseWeight)) {
    const lightest = load.indexOf(Math.min(...load));
    load[lightest] = (load[lightest] ?? 0) + account.promiseWeight;
    owners.set(account, lightest);
  }
  const accounts = unowned.map((account): AccountPlan => {
    const manager = managers[owners.get(account) ?? 0];
    if (manager === undefined) throw new Error('The demo team needs an account manager.');
    return { ...account, ownerIndex: manager.index, ownerStyle: manager.style };
  });
  return { team, accounts };
}
