import type { RouterInputs } from '@steadfast/api';

type PromiseKind = RouterInputs['promise']['create']['kind'];
type Importance = NonNullable<RouterInputs['promise']['create']['importance']>;

/** The kinds of promise, in the order an account manager most often makes them. */
export const promiseKindChoices = [
  'delivery',
  'callback',
  'response',
  'fix',
  'quote',
  'document',
  'meeting',
  'other',
] as const satisfies readonly PromiseKind[];

export const importanceChoices = [
  'low',
  'normal',
  'high',
  'critical',
] as const satisfies readonly Importance[];

export type { Importance, PromiseKind };
