// Builders shared by the touchpoint tests (not part of the domain's public surface).
import type { Touchpoint, TouchpointSoFar } from './touchpoint.ts';
import type { FulfilledPromise, TouchpointRuleInput } from './touchpoint-facts.ts';
import { defaultTouchpointRules } from './touchpoint-rules.ts';

export const accountId = '00000000-0000-7000-8000-0000000000a1';

/** An active Berlin account, customer since 1 March 2024, created long ago; nothing else known. */
export function ruleInput(overrides: Partial<TouchpointRuleInput> = {}): TouchpointRuleInput {
  return {
    account: {
      id: accountId,
      stage: 'active',
      customerSince: '2024-03-01',
      timeZone: 'Europe/Berlin',
      createdAt: '2024-03-01T08:00:00.000Z',
    },
    fulfilled: [],
    lastPromiseTouchAt: null,
    touchpoints: [],
    now: '2026-11-24T10:00:00.000Z',
    rules: defaultTouchpointRules,
    ...overrides,
  };
}

/** The same input, with the account changed in part. */
export function withAccount(
  account: Partial<TouchpointRuleInput['account']>,
  overrides: Partial<TouchpointRuleInput> = {},
): TouchpointRuleInput {
  const base = ruleInput(overrides);
  return { ...base, account: { ...base.account, ...account } };
}

let promiseCounter = 0;
export function fulfilledPromise(overrides: Partial<FulfilledPromise> = {}): FulfilledPromise {
  promiseCounter += 1;
  return {
    promiseId: `00000000-0000-7000-8000-${String(promiseCounter).padStart(12, '0')}`,
    title: 'Ship the replacement pump',
    importance: 'high',
    fulfilledAt: '2026-11-22T15:00:00.000Z',
    ordinal: 1,
    ...overrides,
  };
}

/** A touchpoint as the rules see it; suggested by default. */
export function soFar(overrides: Partial<TouchpointSoFar> = {}): TouchpointSoFar {
  return {
    kind: 'neglected_check_in',
    status: 'suggested',
    dedupeKey: 'check_in:x',
    promiseId: null,
    dueAt: '2026-11-01T00:00:00.000Z',
    doneAt: null,
    dismissedAt: null,
    ...overrides,
  };
}

/** A stored suggestion waiting for the owner, at version 1. */
export function aSuggestedTouchpoint(overrides: Partial<Touchpoint> = {}): Touchpoint {
  return {
    id: '00000000-0000-7000-8000-0000000000f1',
    accountId,
    ownerId: '00000000-0000-7000-8000-0000000000e1',
    kind: 'anniversary',
    origin: 'rule',
    status: 'suggested',
    dedupeKey: `anniversary:${accountId}:2027`,
    promiseId: null,
    dueAt: '2027-02-28T23:00:00.000Z',
    reason: '3rd anniversary as a customer on 2027-03-01 (customer since 2024-03-01).',
    note: null,
    doneAt: null,
    doneBy: null,
    dismissedAt: null,
    dismissReason: null,
    createdAt: '2027-02-24T10:00:00.000Z',
    updatedAt: '2027-02-24T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}
