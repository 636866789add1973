import { describe, expect, it } from 'vitest';
import { isDomainError } from '../shared/domain-error.ts';
import {
  accountId,
  actorId,
  firstCharter,
  firstResponseTerm,
  resolutionTerm,
  termIds,
} from './charter-fixtures.ts';
import { recordCharterReviewInputSchema, reviewCharter } from './charter-review.ts';
import { daysOverdue, isReviewOverdue, nextReviewAt } from './review-schedule.ts';

const now = '2026-07-10T12:00:00.000Z';
const stamp = {
  now,
  actorId,
  reviewId: '00000000-0000-7000-8000-00000000c001',
  newTermId: termIds(),
  timeZone: 'Europe/Berlin',
};

function review(input: Record<string, unknown>) {
  const charter = firstCharter([firstResponseTerm], { reviewEveryMonths: 6 });
  const command = recordCharterReviewInputSchema.parse({ accountId, expectedVersion: 1, ...input });
  return { charter, result: reviewCharter(charter, command, stamp) };
}

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('charter reviews', () => {
  it('records a review that keeps the version and moves the next review one cadence on', () => {
    const { charter, result } = review({ reviewedAt: '2026-07-08T08:00:00Z', notes: 'All good' });
    expect(result.version).toBeNull();
    expect(result.review).toEqual({
      id: stamp.reviewId,
      accountId,
      reviewedAt: '2026-07-08T08:00:00.000Z',
      reviewedBy: actorId,
      reviewedVersion: 1,
      resultingVersion: 1,
      notes: 'All good',
      recordedAt: now,
    });
    expect(result.head).toEqual({
      ...charter.head,
      lastReviewedAt: '2026-07-08T08:00:00.000Z',
      nextReviewAt: '2027-01-08T09:00:00.000Z', // 10:00 in Berlin both times
      updatedAt: now,
    });
  });

  it('records a review that makes a new version, on the new version’s cadence', () => {
    const { result } = review({
      revision: { terms: [resolutionTerm], reviewEveryMonths: 3, changeNote: 'Client asked' },
    });
    expect(result.version).toMatchObject({ version: 2, reviewEveryMonths: 3, createdAt: now });
    expect(result.review).toMatchObject({
      reviewedVersion: 1,
      resultingVersion: 2,
      reviewedAt: now,
    });
    expect(result.head).toMatchObject({
      currentVersion: 2,
      lastReviewedAt: now,
      nextReviewAt: '2026-10-10T12:00:00.000Z',
    });
  });

  it('refuses a review in the future, before the charter, or of a version not current', () => {
    expect(thrown(() => review({ reviewedAt: '2026-07-11T00:00:00Z' }))).toMatchObject({
      field: 'reviewedAt',
      message: `must not be in the future (it is now ${now})`,
    });
    expect(thrown(() => review({ reviewedAt: '2025-12-01T00:00:00Z' }))).toMatchObject({
      field: 'reviewedAt',
    });
    const stale = thrown(() => review({ expectedVersion: 2 }));
    expect(isDomainError(stale) && stale).toMatchObject({
      code: 'version_conflict',
      details: { currentVersion: 1 },
    });
  });

  it('refuses a review dated before the last one', () => {
    const { charter, result } = review({ reviewedAt: '2026-07-08T08:00:00Z' });
    const again = recordCharterReviewInputSchema.parse({
      accountId,
      expectedVersion: 1,
      reviewedAt: '2026-07-01T08:00:00Z',
    });
    expect(
      thrown(() => reviewCharter({ ...charter, head: result.head }, again, stamp)),
    ).toMatchObject({ field: 'reviewedAt', code: 'invalid_reviewed_at' });
  });
});

describe('the review schedule', () => {
  it('adds calendar months at the same local time, ending short months on their last day', () => {
    expect(nextReviewAt('2026-01-31T09:00:00.000Z', 1, 'UTC')).toBe('2026-02-28T09:00:00.000Z');
    expect(nextReviewAt('2026-03-01T08:00:00.000Z', 1, 'Europe/Berlin')).toBe(
      '2026-04-01T07:00:00.000Z',
    );
  });

  it('is overdue once the next review date has passed, by whole days', () => {
    const schedule = { nextReviewAt: '2026-07-01T09:00:00.000Z' };
    expect(isReviewOverdue(schedule, '2026-07-01T09:00:00.000Z')).toBe(false);
    expect(isReviewOverdue(schedule, '2026-07-01T09:00:01.000Z')).toBe(true);
    expect(daysOverdue(schedule, '2026-07-04T10:00:00.000Z')).toBe(3);
    expect(daysOverdue(schedule, '2026-06-04T10:00:00.000Z')).toBe(0);
  });
});
