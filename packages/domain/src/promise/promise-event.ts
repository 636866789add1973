import { z } from 'zod';
import { type Instant, idSchema, instantSchema } from '../shared/instant.ts';
import { type Due, dueSchema, type PromiseTerms } from './promise-terms.ts';

export const informChannels = ['email', 'phone', 'meeting', 'chat', 'letter', 'other'] as const;
export type InformChannel = (typeof informChannels)[number];

const reasonSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(1000, 'must be at most 1000 characters');
const noteSchema = z
  .string()
  .trim()
  .max(1000, 'must be at most 1000 characters')
  .nullable()
  .default(null);

/**
 * Everything that can happen to a promise after it is made, as a caller records it.
 * `made` is not here: a promise is made by `makePromise`, once.
 */
export const promiseEventInputSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('condition_met'),
    /** The due agreed once the clock starts, when it moves with the condition. */
    newDue: dueSchema.nullable().default(null),
  }),
  z.object({
    type: z.literal('progress'),
    milestone: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters'),
  }),
  z.object({ type: z.literal('at_risk_flagged'), reason: reasonSchema }),
  z.object({
    type: z.literal('customer_informed'),
    channel: z.enum(informChannels),
    alternativesOffered: z
      .array(
        z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
      )
      .max(10, 'must list at most 10 alternatives')
      .default([]),
    apologised: z.boolean(),
    message: z
      .string()
      .trim()
      .max(5000, 'must be at most 5000 characters')
      .nullable()
      .default(null),
  }),
  z.object({ type: z.literal('renegotiated'), newDue: dueSchema, reason: reasonSchema }),
  z.object({
    type: z.literal('fulfilled'),
    completeness: z.enum(['full', 'partial']),
    note: noteSchema,
  }),
  z.object({ type: z.literal('missed'), note: noteSchema }),
  z.object({ type: z.literal('released'), reason: reasonSchema }),
  z.object({ type: z.literal('cancelled'), reason: reasonSchema }),
]);
export type PromiseEventInput = z.input<typeof promiseEventInputSchema>;
export type PromiseEventChange = z.output<typeof promiseEventInputSchema>;

export type PromiseEventType = 'made' | PromiseEventChange['type'];
export const promiseEventTypes: readonly PromiseEventType[] = [
  'made',
  'condition_met',
  'progress',
  'at_risk_flagged',
  'customer_informed',
  'renegotiated',
  'fulfilled',
  'missed',
  'released',
  'cancelled',
];

/** What every recorded event carries besides its own facts. */
export interface PromiseEventEnvelope {
  id: string;
  promiseId: string;
  /** 1 for `made`, then one more per event: the promise's version once this event is applied. */
  sequence: number;
  /** When it happened in the world (may be earlier than when it was recorded). */
  occurredAt: Instant;
  recordedAt: Instant;
  /** Who recorded it; null for the system itself. */
  actorId: string | null;
}

export type PromiseEventFacts = { type: 'made'; terms: PromiseTerms } | PromiseEventChange;

/** One thing that happened to a promise. Events are appended, never edited. */
export type PromiseEvent = PromiseEventEnvelope & PromiseEventFacts;

/** The request to record an event against a promise at the version the caller last saw. */
export const recordPromiseEventInputSchema = z.object({
  promiseId: idSchema,
  expectedVersion: z.int({ error: 'must be a whole number' }).min(1, 'must be at least 1'),
  /** When it happened; defaults to now. */
  occurredAt: instantSchema.optional(),
  event: promiseEventInputSchema,
});
export type RecordPromiseEventInput = z.input<typeof recordPromiseEventInputSchema>;

export const maxPromiseEventBatch = 1000;

/** Events for many promises at once (an order system posting its fulfilments), in order. */
export const recordPromiseEventBatchInputSchema = z.object({
  events: z
    .array(recordPromiseEventInputSchema)
    .min(1, 'must have at least one event')
    .max(maxPromiseEventBatch, `must have at most ${maxPromiseEventBatch} events`),
});
export type RecordPromiseEventBatchInput = z.input<typeof recordPromiseEventBatchInputSchema>;

export type { Due };
