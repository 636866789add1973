import type { AccountStage, AccountTier, Importance, PromiseKind } from '@steadfast/domain';
import type { AccountPlan } from './demo-cast.ts';
import { regionPeople } from './demo-catalogue.ts';
import { promiseTitles } from './demo-promise-catalogue.ts';
import type { Random } from './random.ts';

// The terms of a demo promise: its kind, title and importance, each as it typically is.

const kindWeights: readonly (readonly [PromiseKind, number])[] = [
  ['delivery', 20],
  ['response', 18],
  ['callback', 12],
  ['fix', 12],
  ['quote', 12],
  ['document', 12],
  ['meeting', 10],
  ['other', 4],
];

const prospectKindWeights: readonly (readonly [PromiseKind, number])[] = [
  ['quote', 35],
  ['meeting', 30],
  ['callback', 20],
  ['document', 10],
  ['response', 10],
];

export function pickKind(random: Random, stage: AccountStage): PromiseKind {
  if (stage === 'prospect') return random.weighted(prospectKindWeights);
  if (stage !== 'onboarding') return random.weighted(kindWeights);
  return random.weighted(
    kindWeights.map(
      ([kind, weight]) =>
        [kind, kind === 'meeting' || kind === 'document' ? weight * 1.5 : weight] as const,
    ),
  );
}

export function pickImportance(random: Random, kind: PromiseKind, tier: AccountTier): Importance {
  const strategic = tier === 'strategic';
  const importance = random.weighted<Importance>([
    ['low', strategic ? 4 : 8],
    ['normal', 64],
    ['high', strategic ? 32 : 22],
    ['critical', 6],
  ]);
  // Nobody calls a callback or a meeting critical.
  if (importance === 'critical' && (kind === 'callback' || kind === 'meeting' || kind === 'other'))
    return 'high';
  return importance;
}

/** A title from the catalogue with its blanks filled in: who it names, and the text. */
export function pickTitle(
  random: Random,
  kind: PromiseKind,
  account: AccountPlan,
): { title: string; contactIndex: number | null } {
  const template = random.pick(promiseTitles[kind]);
  // A promise whose title names someone was made to that someone.
  const named = template.includes('{contact}');
  const contactIndex =
    named || random.chance(0.85) ? random.int(0, account.contacts.length - 1) : null;
  const firstName =
    contactIndex === null ? '' : (account.contacts[contactIndex]?.firstName ?? 'the customer');
  const title = template
    .replace('{contact}', firstName)
    .replace('{site}', random.pick(regionPeople[account.region].sites))
    .replace('{qty}', String(random.pick([5, 8, 10, 12, 20, 25, 40, 50, 60, 120])))
    .replace('{ref}', String(random.int(10_000, 99_999)))
    .replace('{quarter}', String(random.int(1, 4)));
  return { title, contactIndex };
}
