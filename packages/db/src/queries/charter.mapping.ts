import type {
  CharterHead,
  CharterObservation,
  CharterReview,
  CharterTerm,
  CharterVersion,
} from '@steadfast/domain';
import type {
  CharterObservationRow,
  CharterReviewRow,
  CharterRow,
  CharterTable,
  CharterVersionRow,
  CharterVersionTable,
  NewCharterObservationRow,
} from '../schema/charter.tables.ts';

// The one place where charter rows and domain objects meet.

export function headToRow(head: CharterHead): CharterTable {
  return {
    account_id: head.accountId,
    current_version: head.currentVersion,
    created_at: head.createdAt,
    last_reviewed_at: head.lastReviewedAt,
    next_review_at: head.nextReviewAt,
    updated_at: head.updatedAt,
  };
}

export function rowToHead(row: CharterRow): CharterHead {
  return {
    accountId: row.account_id,
    currentVersion: Number(row.current_version),
    createdAt: row.created_at,
    lastReviewedAt: row.last_reviewed_at,
    nextReviewAt: row.next_review_at,
    updatedAt: row.updated_at,
  };
}

export function versionToRow(version: CharterVersion): CharterVersionTable {
  return {
    account_id: version.accountId,
    version: version.version,
    terms: JSON.stringify(version.terms),
    review_every_months: version.reviewEveryMonths,
    change_note: version.changeNote,
    created_at: version.createdAt,
    created_by: version.createdBy,
  };
}

export function rowToVersion(row: CharterVersionRow): CharterVersion {
  return {
    accountId: row.account_id,
    version: Number(row.version),
    // Written by versionToRow from terms the domain validated.
    terms: JSON.parse(row.terms) as CharterTerm[],
    reviewEveryMonths: Number(row.review_every_months),
    changeNote: row.change_note,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export function reviewToRow(review: CharterReview): CharterReviewRow {
  return {
    id: review.id,
    account_id: review.accountId,
    reviewed_at: review.reviewedAt,
    reviewed_by: review.reviewedBy,
    reviewed_version: review.reviewedVersion,
    resulting_version: review.resultingVersion,
    notes: review.notes,
    recorded_at: review.recordedAt,
  };
}

export function rowToReview(row: CharterReviewRow): CharterReview {
  return {
    id: row.id,
    accountId: row.account_id,
    reviewedAt: row.reviewed_at,
    reviewedBy: row.reviewed_by,
    reviewedVersion: Number(row.reviewed_version),
    resultingVersion: Number(row.resulting_version),
    notes: row.notes,
    recordedAt: row.recorded_at,
  };
}

export function observationToRow(observation: CharterObservation): NewCharterObservationRow {
  return {
    id: observation.id,
    account_id: observation.accountId,
    term_id: observation.termId,
    charter_version: observation.charterVersion,
    reference: observation.reference,
    occurred_at: observation.occurredAt,
    started_at: observation.startedAt,
    ended_at: observation.endedAt,
    business_minutes: observation.businessMinutes,
    quantity: observation.quantity,
    note: observation.note,
    recorded_at: observation.recordedAt,
    recorded_by: observation.recordedBy,
  };
}

export function rowToObservation(row: CharterObservationRow): CharterObservation {
  return {
    id: row.id,
    accountId: row.account_id,
    termId: row.term_id,
    charterVersion: Number(row.charter_version),
    reference: row.reference,
    occurredAt: row.occurred_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    businessMinutes: row.business_minutes === null ? null : Number(row.business_minutes),
    quantity: row.quantity === null ? null : Number(row.quantity),
    note: row.note,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}
