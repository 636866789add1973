import { z } from 'zod';
import { DomainError } from '../shared/domain-error.ts';
import { type Instant, idSchema, instantMs, instantSchema } from '../shared/instant.ts';
import {
  type Charter,
  type CharterHead,
  type CharterVersion,
  charterRevisionSchema,
  charterVersionConflict,
  reviseCharter,
} from './charter.ts';
import { nextReviewAt } from './review-schedule.ts';

/**
 * Recording that a charter was reviewed with the client: the version reviewed
 * (`expectedVersion`), when, notes, and, when the review changed the charter, the new version's
 * content (`revision`); without one the current version stands and only the review dates move.
 */
export const recordCharterReviewInputSchema = z.object({
  accountId: idSchema,
  expectedVersion: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be the version you reviewed (1 or more)'),
  reviewedAt: instantSchema.optional(),
  notes: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(4000, 'must be at most 4000 characters')
    .nullable()
    .default(null),
  revision: charterRevisionSchema.nullable().default(null),
});
export type RecordCharterReviewInput = z.input<typeof recordCharterReviewInputSchema>;
export type RecordCharterReviewCommand = z.output<typeof recordCharterReviewInputSchema>;

/** One review of a charter with the client, and the version it left in force. */
export interface CharterReview {
  id: string;
  accountId: string;
  reviewedAt: Instant;
  reviewedBy: string | null;
  reviewedVersion: number;
  /** The version in force after the review: the reviewed one, or the new one it made. */
  resultingVersion: number;
  notes: string | null;
  recordedAt: Instant;
}

function invalidReviewedAt(message: string): DomainError {
  return new DomainError({
    code: 'invalid_reviewed_at',
    kind: 'invalid',
    field: 'reviewedAt',
    message,
  });
}

/**
 * A review of the current charter: it becomes the last review, and the next is due one cadence
 * later (the new version's cadence when the review changed the charter). A review must not lie in
 * the future, before the charter was agreed, or before the last review.
 */
export function reviewCharter(
  charter: Charter,
  command: RecordCharterReviewCommand,
  stamp: {
    now: Instant;
    actorId: string | null;
    reviewId: string;
    newTermId: () => string;
    timeZone: string;
  },
): { review: CharterReview; head: CharterHead; version: CharterVersion | null } {
  const { head } = charter;
  if (command.expectedVersion !== head.currentVersion) {
    throw charterVersionConflict(head.currentVersion, command.expectedVersion);
  }
  const reviewedAt = command.reviewedAt ?? stamp.now;
  if (instantMs(reviewedAt) > instantMs(stamp.now)) {
    throw invalidReviewedAt(`must not be in the future (it is now ${stamp.now})`);
  }
  if (instantMs(reviewedAt) < instantMs(head.createdAt)) {
    throw invalidReviewedAt(`must not be before the charter was agreed (${head.createdAt})`);
  }
  if (head.lastReviewedAt !== null && instantMs(reviewedAt) < instantMs(head.lastReviewedAt)) {
    throw invalidReviewedAt(`must not be before the last review (${head.lastReviewedAt})`);
  }
  const revised =
    command.revision === null
      ? null
      : reviseCharter(
          charter,
          { ...command.revision, accountId: head.accountId, expectedVersion: head.currentVersion },
          stamp,
        );
  const inForce = revised?.version ?? charter.current;
  const review: CharterReview = {
    id: stamp.reviewId,
    accountId: head.accountId,
    reviewedAt,
    reviewedBy: stamp.actorId,
    reviewedVersion: head.currentVersion,
    resultingVersion: inForce.version,
    notes: command.notes,
    recordedAt: stamp.now,
  };
  const nextHead: CharterHead = {
    ...head,
    currentVersion: inForce.version,
    lastReviewedAt: reviewedAt,
    nextReviewAt: nextReviewAt(reviewedAt, inForce.reviewEveryMonths, stamp.timeZone),
    updatedAt: stamp.now,
  };
  return { review, head: nextHead, version: revised?.version ?? null };
}
