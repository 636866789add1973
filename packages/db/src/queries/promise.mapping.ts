import type {
  Importance,
  PromiseEvent,
  PromiseEventFacts,
  PromiseKind,
  PromiseMeasures,
  PromiseStatus,
  PromiseSummary,
} from '@steadfast/domain';
import type { NewPromiseRow, PromiseRow } from '../schema/promise.table.ts';
import type { NewPromiseEventRow, PromiseEventRow } from '../schema/promise-event.table.ts';

// The one place where promise rows and domain objects meet.

/** What the projection holds of a promise: its summary and its business-time measures. */
export type PromiseProjection = PromiseSummary & PromiseMeasures;

export function projectionToRow(projection: PromiseProjection): NewPromiseRow {
  const summary = projection;
  return {
    promised_minutes: projection.promisedMinutes,
    fulfilled_minutes: projection.fulfilledMinutes,
    closed_minutes: projection.closedMinutes,
    lateness_minutes: projection.latenessMinutes,
    id: summary.id,
    account_id: summary.accountId,
    contact_id: summary.contactId,
    owner_id: summary.ownerId,
    kind: summary.kind,
    title: summary.title,
    importance: summary.importance,
    status: summary.status,
    conditional: summary.conditional ? 1 : 0,
    made_at: summary.madeAt,
    clock_started_at: summary.clockStartedAt,
    due_start: summary.dueStart,
    due_deadline: summary.dueDeadline,
    original_due_deadline: summary.originalDueDeadline,
    at_risk: summary.atRisk ? 1 : 0,
    last_informed_at: summary.lastInformedAt,
    renegotiation_count: summary.renegotiationCount,
    fulfilled_at: summary.fulfilledAt,
    closed_at: summary.closedAt,
    source_type: summary.sourceType,
    version: summary.version,
    updated_at: summary.updatedAt,
  };
}

export function rowToSummary(row: PromiseRow): PromiseSummary {
  return {
    id: row.id,
    accountId: row.account_id,
    contactId: row.contact_id,
    ownerId: row.owner_id,
    kind: row.kind as PromiseKind,
    title: row.title,
    importance: row.importance as Importance,
    status: row.status as PromiseStatus,
    conditional: Number(row.conditional) === 1,
    madeAt: row.made_at,
    clockStartedAt: row.clock_started_at,
    dueStart: row.due_start,
    dueDeadline: row.due_deadline,
    originalDueDeadline: row.original_due_deadline,
    atRisk: Number(row.at_risk) === 1,
    lastInformedAt: row.last_informed_at,
    renegotiationCount: Number(row.renegotiation_count),
    fulfilledAt: row.fulfilled_at,
    closedAt: row.closed_at,
    sourceType: row.source_type as PromiseSummary['sourceType'],
    version: Number(row.version),
    updatedAt: row.updated_at,
  };
}

const orNull = (value: number | string | null): number | null =>
  value === null ? null : Number(value);

export function rowToMeasures(row: PromiseRow): PromiseMeasures {
  return {
    promisedMinutes: orNull(row.promised_minutes),
    fulfilledMinutes: orNull(row.fulfilled_minutes),
    closedMinutes: orNull(row.closed_minutes),
    latenessMinutes: orNull(row.lateness_minutes),
  };
}

export function eventToRow(event: PromiseEvent): NewPromiseEventRow {
  const { id, promiseId, sequence, occurredAt, recordedAt, actorId, ...facts } = event;
  return {
    id,
    promise_id: promiseId,
    sequence,
    type: facts.type,
    occurred_at: occurredAt,
    recorded_at: recordedAt,
    actor_id: actorId,
    facts: JSON.stringify(facts),
  };
}

export function rowToEvent(row: PromiseEventRow): PromiseEvent {
  // Facts were written by eventToRow from a validated event, and events are never edited.
  const facts = JSON.parse(row.facts) as PromiseEventFacts;
  return {
    ...facts,
    id: row.id,
    promiseId: row.promise_id,
    sequence: Number(row.sequence),
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    actorId: row.actor_id,
  };
}
