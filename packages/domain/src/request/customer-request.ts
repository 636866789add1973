import { z } from 'zod';
import type { BusinessDuration } from '../calendar/business-duration.ts';
import { type Due, dueSchema, type PromiseKind, promiseKinds } from '../promise/promise-terms.ts';
import { type Instant, idSchema, instantSchema } from '../shared/instant.ts';
import { assertNotInFuture, assertWantedAfterAsked } from './moment-checks.ts';
import { listLimitSchema } from './period.ts';

export const requestStatuses = ['open', 'accepted', 'countered', 'declined'] as const;
/**
 * Where a customer's request stands: `open` until it is answered, then answered exactly once —
 * `accepted` (it became a promise), `countered` (we offered what we can do, on a condition) or
 * `declined` (with the reason the customer was given).
 */
export type RequestStatus = (typeof requestStatuses)[number];

interface AnswerFacts {
  answeredAt: Instant;
  /** Who answered; null for the system itself. */
  answeredBy: string | null;
}

/** How a request was answered, with what the customer was told. */
export type RequestAnswer =
  | (AnswerFacts & { type: 'accepted'; promiseId: string })
  | (AnswerFacts & {
      type: 'countered';
      /** The conditional promise our offer became: its clock starts when the condition is met. */
      promiseId: string;
      /** What we can do instead ("Delivery of the full order"). */
      offer: string;
      /** What must happen first ("provided the customer sends the signed specs"). */
      condition: string;
      /** How long after the condition is met we deliver, in the account's business time. */
      within: BusinessDuration;
    })
  | (AnswerFacts & { type: 'declined'; reason: string });

/** A request's answer when it was a counter-offer. */
export type CounterOffer = Extract<RequestAnswer, { type: 'countered' }>;

/** What a customer asked for, and how (if yet) it was answered. */
export interface CustomerRequest {
  id: string;
  accountId: string;
  contactId: string | null;
  /** The account manager who answers it and owns the promise it may become. */
  ownerId: string;
  /** The kind of promise it would be if accepted. */
  kind: PromiseKind;
  /** What was asked, in a line. */
  title: string;
  details: string | null;
  askedAt: Instant;
  /** When the customer wanted it by, if they said. */
  wantedBy: Due | null;
  status: RequestStatus;
  answer: RequestAnswer | null;
  recordedAt: Instant;
  recordedBy: string | null;
  /** 1 when received, 2 once answered: the version a writer must name to answer it. */
  version: number;
  updatedAt: Instant;
}

/** What a customer asked for, as an account manager (or an integration) records it. */
export const receiveRequestInputSchema = z.object({
  accountId: idSchema,
  contactId: idSchema.nullable().default(null),
  ownerId: idSchema,
  kind: z.enum(promiseKinds),
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  details: z.string().trim().max(4000, 'must be at most 4000 characters').nullable().default(null),
  /** When the customer asked; defaults to now. */
  askedAt: instantSchema.optional(),
  wantedBy: dueSchema.nullable().default(null),
});
export type ReceiveRequestInput = z.input<typeof receiveRequestInputSchema>;
export type ReceiveRequestCommand = z.output<typeof receiveRequestInputSchema>;

/** Receiving a customer's request: open, at version 1, asked now unless said otherwise. */
export function receiveRequest(
  command: ReceiveRequestCommand,
  stamp: { requestId: string; now: Instant; actorId: string | null },
): CustomerRequest {
  const askedAt = command.askedAt ?? stamp.now;
  assertNotInFuture(askedAt, stamp.now, 'askedAt');
  if (command.wantedBy !== null) assertWantedAfterAsked(command.wantedBy, askedAt, 'wantedBy');
  return {
    id: stamp.requestId,
    accountId: command.accountId,
    contactId: command.contactId,
    ownerId: command.ownerId,
    kind: command.kind,
    title: command.title,
    details: command.details,
    askedAt,
    wantedBy: command.wantedBy,
    status: 'open',
    answer: null,
    recordedAt: stamp.now,
    recordedBy: stamp.actorId,
    version: 1,
    updatedAt: stamp.now,
  };
}

/** Requests by account, owner and status, most recently asked first, a page at a time. */
export const listRequestsInputSchema = z
  .object({
    accountId: idSchema.optional(),
    ownerId: idSchema.optional(),
    status: z.enum(requestStatuses).optional(),
    limit: listLimitSchema.default(100),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().max(200, 'must be a nextCursor from an earlier page').optional(),
  })
  .default({ limit: 100 });
export type ListRequestsInput = z.input<typeof listRequestsInputSchema>;
