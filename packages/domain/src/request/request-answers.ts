import { z } from 'zod';
import {
  type Due,
  dueSchema,
  type Importance,
  importanceLevels,
  type MakePromiseCommand,
} from '../promise/promise-terms.ts';
import { DomainError } from '../shared/domain-error.ts';
import { type Instant, idSchema } from '../shared/instant.ts';
import type { CustomerRequest, RequestAnswer } from './customer-request.ts';
import { declineReasonSchema } from './decline-reason.ts';

/** Which request is answered, at the version the answerer last saw. */
export const answerTargetShape = {
  requestId: idSchema,
  expectedVersion: z.int({ error: 'must be a whole number' }).min(1, 'must be at least 1'),
};

/** Yes: the request becomes a promise, due when the customer wanted it unless a due is given. */
export const acceptRequestInputSchema = z.object({
  ...answerTargetShape,
  /** The due we commit to; defaults to when the customer wanted it by. */
  due: dueSchema.optional(),
  importance: z.enum(importanceLevels).default('normal'),
});
export type AcceptRequestInput = z.input<typeof acceptRequestInputSchema>;
export type AcceptRequestCommand = z.output<typeof acceptRequestInputSchema>;

/** No, with the reason the customer was given, in plain words. */
export const declineRequestInputSchema = z.object({
  ...answerTargetShape,
  reason: declineReasonSchema,
});
export type DeclineRequestInput = z.input<typeof declineRequestInputSchema>;
export type DeclineRequestCommand = z.output<typeof declineRequestInputSchema>;

/** When and by whom a request is answered. */
export interface AnswerStamp {
  now: Instant;
  actorId: string | null;
}

/**
 * A request is answered exactly once, at the version the answerer read: a stale version is a
 * conflict naming the current one; answering an answered request is an illegal transition.
 */
export function assertAnswerable(request: CustomerRequest, expectedVersion: number): void {
  if (expectedVersion !== request.version) {
    throw new DomainError({
      code: 'version_conflict',
      kind: 'conflict',
      field: 'expectedVersion',
      message: `The request is at version ${request.version}, not ${expectedVersion}: someone changed it since you read it.`,
      details: { currentVersion: request.version },
    });
  }
  if (request.answer !== null) {
    throw new DomainError({
      code: 'request_already_answered',
      kind: 'illegal_transition',
      field: 'requestId',
      message: `This request was already ${request.answer.type} at ${request.answer.answeredAt}: a request is answered once.`,
      details: { status: request.status },
    });
  }
}

/** The request once answered: its status is the answer's, one version on. */
export function withAnswer(request: CustomerRequest, answer: RequestAnswer): CustomerRequest {
  return {
    ...request,
    status: answer.type,
    answer,
    version: request.version + 1,
    updatedAt: answer.answeredAt,
  };
}

/** The promise a request turns into: to the same account, contact and owner, of its kind, made now. */
export function promiseFromRequest(
  request: CustomerRequest,
  terms: {
    title: string;
    details: string | null;
    due: Due;
    importance: Importance;
    condition: string | null;
    madeAt: Instant;
  },
): MakePromiseCommand {
  return {
    accountId: request.accountId,
    contactId: request.contactId,
    ownerId: request.ownerId,
    kind: request.kind,
    source: { type: 'manual' },
    ...terms,
  };
}

/**
 * Accepting a request: it becomes an (unconditional) promise made now, due when given or else
 * when the customer wanted it by. The caller makes the promise and stores both together.
 */
export function acceptRequest(
  request: CustomerRequest,
  command: AcceptRequestCommand,
  stamp: AnswerStamp & { promiseId: string },
): { request: CustomerRequest; promise: MakePromiseCommand } {
  assertAnswerable(request, command.expectedVersion);
  const due = command.due ?? request.wantedBy;
  if (due === undefined || due === null) {
    throw new DomainError({
      code: 'due_required',
      kind: 'invalid',
      field: 'due',
      message: 'is required: the request names no date the customer wanted it by',
    });
  }
  const promise = promiseFromRequest(request, {
    title: request.title,
    details: request.details,
    due,
    importance: command.importance,
    condition: null,
    madeAt: stamp.now,
  });
  const answer: RequestAnswer = {
    type: 'accepted',
    promiseId: stamp.promiseId,
    answeredAt: stamp.now,
    answeredBy: stamp.actorId,
  };
  return { request: withAnswer(request, answer), promise };
}

/** Declining a request, with the reason the customer was given. */
export function declineRequest(
  request: CustomerRequest,
  command: DeclineRequestCommand,
  stamp: AnswerStamp,
): CustomerRequest {
  assertAnswerable(request, command.expectedVersion);
  return withAnswer(request, {
    type: 'declined',
    reason: command.reason,
    answeredAt: stamp.now,
    answeredBy: stamp.actorId,
  });
}
