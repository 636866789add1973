import {
  importanceLevels,
  informChannels,
  type PromiseEvent,
  type PromiseState,
  type PromiseSummary,
  promiseKinds,
  promiseStatuses,
} from '@steadfast/domain';
import { z } from 'zod';
import { idOutput, instantOutput } from './wire-types.ts';

/** A due as a response carries it: a point in time, or the window the customer was told. */
export const dueOutput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('point'), at: instantOutput }),
    z.object({ kind: z.literal('window'), earliest: instantOutput, latest: instantOutput }),
  ])
  .meta({ id: 'Due' });

const sourceOutput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('manual') }),
  z.object({
    type: z.literal('integration'),
    system: z.string(),
    reference: z.string().nullable(),
  }),
]);

const termsOutput = z.object({
  accountId: idOutput,
  contactId: idOutput.nullable(),
  ownerId: idOutput,
  kind: z.enum(promiseKinds),
  title: z.string(),
  details: z.string().nullable(),
  due: dueOutput,
  importance: z.enum(importanceLevels),
  condition: z.string().nullable(),
  source: sourceOutput,
  madeAt: instantOutput,
});

/** A promise as its events say it is now (`PromiseState`). */
export const promiseStateOutput = z
  .object({
    id: idOutput,
    terms: termsOutput,
    status: z.enum(promiseStatuses),
    due: dueOutput.describe('The due in force: the original, or the latest renegotiated one.'),
    clockStartedAt: instantOutput.nullable(),
    conditionMetAt: instantOutput.nullable(),
    atRisk: z.boolean(),
    atRiskSince: instantOutput.nullable(),
    atRiskReason: z.string().nullable(),
    lastMilestone: z.object({ milestone: z.string(), at: instantOutput }).nullable(),
    notices: z.array(
      z.object({
        at: instantOutput,
        channel: z.enum(informChannels),
        alternativesOffered: z.array(z.string()),
        apologised: z.boolean(),
        beforeDue: z.boolean(),
      }),
    ),
    renegotiations: z.array(
      z.object({
        at: instantOutput,
        from: dueOutput,
        to: dueOutput,
        reason: z.string(),
        beforeDue: z.boolean(),
      }),
    ),
    partialDeliveries: z.array(instantOutput),
    fulfilledAt: instantOutput.nullable(),
    closedAt: instantOutput.nullable(),
    closingNote: z.string().nullable(),
    version: z
      .int()
      .describe('The number of events applied: name it as expectedVersion to change the promise.'),
    updatedAt: instantOutput,
  })
  .meta({ id: 'Promise' }) satisfies z.ZodType<PromiseState>;

const envelope = {
  id: idOutput,
  promiseId: idOutput,
  sequence: z.int(),
  occurredAt: instantOutput,
  recordedAt: instantOutput,
  actorId: idOutput.nullable(),
};
const reason = z.string();
const note = z.string().nullable();

/** One thing that happened to a promise; events are appended, never edited. */
export const promiseEventOutput = z
  .discriminatedUnion('type', [
    z.object({ ...envelope, type: z.literal('made'), terms: termsOutput }),
    z.object({ ...envelope, type: z.literal('condition_met'), newDue: dueOutput.nullable() }),
    z.object({ ...envelope, type: z.literal('progress'), milestone: z.string() }),
    z.object({ ...envelope, type: z.literal('at_risk_flagged'), reason }),
    z.object({
      ...envelope,
      type: z.literal('customer_informed'),
      channel: z.enum(informChannels),
      alternativesOffered: z.array(z.string()),
      apologised: z.boolean(),
      message: z.string().nullable(),
    }),
    z.object({ ...envelope, type: z.literal('renegotiated'), newDue: dueOutput, reason }),
    z.object({
      ...envelope,
      type: z.literal('fulfilled'),
      completeness: z.enum(['full', 'partial']),
      note,
    }),
    z.object({ ...envelope, type: z.literal('missed'), note }),
    z.object({ ...envelope, type: z.literal('released'), reason }),
    z.object({ ...envelope, type: z.literal('cancelled'), reason }),
  ])
  .meta({ id: 'PromiseEvent' }) satisfies z.ZodType<PromiseEvent>;

/** A batch of events recorded all or none: each item's promise as it now stands, in input order. */
export const recordEventBatchOutput = z.object({
  recorded: z.int().describe('How many events were recorded (all of them).'),
  results: z.array(
    z.object({
      index: z.int().describe('The item of the batch this result answers.'),
      promiseId: idOutput,
      status: z.enum(promiseStatuses),
      version: z
        .int()
        .describe('The version this event made: the next event for the promise names it.'),
    }),
  ),
});

/** A promise with its whole history, oldest event first. */
export const promiseWithEventsOutput = z.object({
  promise: promiseStateOutput,
  events: z.array(promiseEventOutput),
});

/** What lists need of a promise (`PromiseSummary`), kept beside its events. */
export const promiseSummaryOutput = z
  .object({
    id: idOutput,
    accountId: idOutput,
    contactId: idOutput.nullable(),
    ownerId: idOutput,
    kind: z.enum(promiseKinds),
    title: z.string(),
    importance: z.enum(importanceLevels),
    status: z.enum(promiseStatuses),
    conditional: z.boolean(),
    madeAt: instantOutput,
    clockStartedAt: instantOutput.nullable(),
    dueStart: instantOutput.describe('Start of the due in force (the point, or the window start).'),
    dueDeadline: instantOutput.describe('Deadline of the due in force (the point, or window end).'),
    originalDueDeadline: instantOutput,
    atRisk: z.boolean(),
    lastInformedAt: instantOutput.nullable(),
    renegotiationCount: z.int(),
    fulfilledAt: instantOutput.nullable(),
    closedAt: instantOutput.nullable(),
    sourceType: z.enum(['manual', 'integration']),
    version: z.int(),
    updatedAt: instantOutput,
  })
  .meta({ id: 'PromiseSummary' }) satisfies z.ZodType<PromiseSummary>;

/** One page of a promise list; pass `nextCursor` as `cursor` for the next (null: the last page). */
export const promisePageOutput = z.object({
  items: z.array(promiseSummaryOutput),
  nextCursor: z.string().nullable(),
});
