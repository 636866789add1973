import type { PromiseState } from '../promise/promise-state.ts';
import { dueDeadline } from '../promise/promise-terms.ts';
import type { WebhookEvent, WebhookPromiseData } from './webhook-event.ts';

function promiseData(state: PromiseState): WebhookPromiseData {
  return {
    promiseId: state.id,
    accountId: state.terms.accountId,
    ownerId: state.terms.ownerId,
    title: state.terms.title,
    kind: state.terms.kind,
    importance: state.terms.importance,
    status: state.status,
    dueDeadline: dueDeadline(state.due),
    version: state.version,
  };
}

/**
 * The events one change of a promise causes, judged from its state before and after: flagged at
 * risk (it was not at risk, now is), missed, or fulfilled (its status became so). A change that
 * does none of these, such as a note of progress, causes none.
 */
export function promiseWebhookEvents(
  before: PromiseState | null,
  after: PromiseState,
): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  const accountId = after.terms.accountId;
  if (after.atRisk && before?.atRisk !== true) {
    events.push({
      type: 'promise.at_risk',
      accountId,
      occurredAt: after.atRiskSince ?? after.updatedAt,
      data: { ...promiseData(after), reason: after.atRiskReason },
    });
  }
  const becameNow = (status: PromiseState['status']) =>
    after.status === status && before?.status !== status;
  if (becameNow('missed')) {
    events.push({
      type: 'promise.missed',
      accountId,
      occurredAt: after.closedAt ?? after.updatedAt,
      data: promiseData(after),
    });
  }
  if (becameNow('fulfilled')) {
    events.push({
      type: 'promise.fulfilled',
      accountId,
      occurredAt: after.fulfilledAt ?? after.updatedAt,
      data: promiseData(after),
    });
  }
  return events;
}
