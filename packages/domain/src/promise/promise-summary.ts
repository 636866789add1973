import type { Instant } from '../shared/instant.ts';
import type { PromiseState, PromiseStatus } from './promise-state.ts';
import { dueDeadline, dueStart, type Importance, type PromiseKind } from './promise-terms.ts';

/**
 * What lists and dashboards need of a promise, kept as a projection beside its events so that
 * reads never replay history.
 */
export interface PromiseSummary {
  id: string;
  accountId: string;
  contactId: string | null;
  ownerId: string;
  kind: PromiseKind;
  title: string;
  importance: Importance;
  status: PromiseStatus;
  conditional: boolean;
  madeAt: Instant;
  clockStartedAt: Instant | null;
  /** Start of the due in force (the point, or the window's earliest). */
  dueStart: Instant;
  /** Deadline of the due in force (the point, or the window's latest). */
  dueDeadline: Instant;
  originalDueDeadline: Instant;
  atRisk: boolean;
  lastInformedAt: Instant | null;
  renegotiationCount: number;
  fulfilledAt: Instant | null;
  closedAt: Instant | null;
  sourceType: 'manual' | 'integration';
  version: number;
  updatedAt: Instant;
}

export function summarisePromise(state: PromiseState): PromiseSummary {
  return {
    id: state.id,
    accountId: state.terms.accountId,
    contactId: state.terms.contactId,
    ownerId: state.terms.ownerId,
    kind: state.terms.kind,
    title: state.terms.title,
    importance: state.terms.importance,
    status: state.status,
    conditional: state.terms.condition !== null,
    madeAt: state.terms.madeAt,
    clockStartedAt: state.clockStartedAt,
    dueStart: dueStart(state.due),
    dueDeadline: dueDeadline(state.due),
    originalDueDeadline: dueDeadline(state.terms.due),
    atRisk: state.atRisk,
    lastInformedAt: state.notices.at(-1)?.at ?? null,
    renegotiationCount: state.renegotiations.length,
    fulfilledAt: state.fulfilledAt,
    closedAt: state.closedAt,
    sourceType: state.terms.source.type,
    version: state.version,
    updatedAt: state.updatedAt,
  };
}
