import { z } from 'zod';
import { type Instant, idSchema, instantMs, instantSchema } from '../shared/instant.ts';

export const promiseKinds = [
  'delivery',
  'response',
  'callback',
  'fix',
  'quote',
  'document',
  'meeting',
  'other',
] as const;
export type PromiseKind = (typeof promiseKinds)[number];

export const importanceLevels = ['low', 'normal', 'high', 'critical'] as const;
export type Importance = (typeof importanceLevels)[number];

/** When a promise is due: a point in time, or a window the customer was told (earliest–latest). */
export type Due =
  | { kind: 'point'; at: Instant }
  | { kind: 'window'; earliest: Instant; latest: Instant };

export const dueSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('point'), at: instantSchema }),
    z.object({ kind: z.literal('window'), earliest: instantSchema, latest: instantSchema }),
  ])
  .refine((due) => due.kind === 'point' || instantMs(due.earliest) <= instantMs(due.latest), {
    path: ['latest'],
    error: 'must not be before earliest',
  });

/** The moment by which the promise must be kept: the point, or the end of the window. */
export function dueDeadline(due: Due): Instant {
  return due.kind === 'point' ? due.at : due.latest;
}

/** The earliest moment delivery counts as on time: the point, or the start of the window. */
export function dueStart(due: Due): Instant {
  return due.kind === 'point' ? due.at : due.earliest;
}

export const promiseSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('manual') }),
  z.object({
    type: z.literal('integration'),
    system: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(100, 'must be at most 100 characters'),
    reference: z
      .string()
      .trim()
      .max(200, 'must be at most 200 characters')
      .nullable()
      .default(null),
  }),
]);
export type PromiseSource = z.output<typeof promiseSourceSchema>;

/** What an account manager (or an integration) commits to when a promise is made. */
export const makePromiseInputSchema = z.object({
  accountId: idSchema,
  contactId: idSchema.nullable().default(null),
  ownerId: idSchema,
  kind: z.enum(promiseKinds),
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  details: z.string().trim().max(4000, 'must be at most 4000 characters').nullable().default(null),
  due: dueSchema,
  importance: z.enum(importanceLevels).default('normal'),
  /** "provided the customer sends specs": the clock starts when it is met. */
  condition: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(500, 'must be at most 500 characters')
    .nullable()
    .default(null),
  source: promiseSourceSchema.default({ type: 'manual' }),
  /** When the promise was given to the customer; defaults to now. */
  madeAt: instantSchema.optional(),
});
export type MakePromiseInput = z.input<typeof makePromiseInputSchema>;
export type MakePromiseCommand = z.output<typeof makePromiseInputSchema>;

/** The terms of a promise as made; they never change (a renegotiation changes only the due). */
export interface PromiseTerms {
  accountId: string;
  contactId: string | null;
  ownerId: string;
  kind: PromiseKind;
  title: string;
  details: string | null;
  due: Due;
  importance: Importance;
  condition: string | null;
  source: PromiseSource;
  madeAt: Instant;
}
