import type { PromiseEventChange } from '../promise/promise-event.ts';
import type { MakePromiseCommand } from '../promise/promise-terms.ts';
import { type Instant, instantMs } from '../shared/instant.ts';
import type { PromiseRow } from './promise-row.ts';

/** One event of an imported history: when it happened and the column that said so. */
export interface HistoryStep {
  field: 'condition_met_at' | 'informed_at' | 'closed_at';
  occurredAt: Instant;
  event: PromiseEventChange;
}

/** Where an imported promise came from: the CSV import, with the row's external id. */
export const csvImportSystem = 'csv-import';

/**
 * The promise a row describes as the domain makes it, and the events that follow in the order
 * they happened: the condition met, the customer told, the promise closed. An import replays them
 * through the same commands a person would use, each at its own moment.
 */
export function promiseRowHistory(
  row: PromiseRow,
  references: { accountId: string; ownerId: string },
): { make: MakePromiseCommand; steps: HistoryStep[] } {
  const make: MakePromiseCommand = {
    accountId: references.accountId,
    contactId: null,
    ownerId: references.ownerId,
    kind: row.kind,
    title: row.title,
    details: row.details,
    due: row.due,
    importance: row.importance,
    condition: row.condition,
    source: { type: 'integration', system: csvImportSystem, reference: row.externalId },
    madeAt: row.madeAt,
  };
  const steps: HistoryStep[] = [];
  if (row.conditionMetAt !== null) {
    steps.push({
      field: 'condition_met_at',
      occurredAt: row.conditionMetAt,
      event: { type: 'condition_met', newDue: null },
    });
  }
  if (row.informed !== null) {
    steps.push({
      field: 'informed_at',
      occurredAt: row.informed.at,
      event: {
        type: 'customer_informed',
        channel: row.informed.channel,
        alternativesOffered: [],
        apologised: row.informed.apologised,
        message: null,
      },
    });
  }
  const closing = closingEvent(row);
  if (closing !== null) steps.push(closing);
  // Stable: at the same moment, the order above (told before closed) holds.
  return { make, steps: steps.sort((a, b) => instantMs(a.occurredAt) - instantMs(b.occurredAt)) };
}

function closingEvent(row: PromiseRow): HistoryStep | null {
  const { ending } = row;
  if (ending.status === 'running') return null;
  const at = { field: 'closed_at' as const, occurredAt: ending.at };
  switch (ending.status) {
    case 'fulfilled':
      return { ...at, event: { type: 'fulfilled', completeness: 'full', note: ending.note } };
    case 'missed':
      return { ...at, event: { type: 'missed', note: ending.note } };
    case 'released':
    case 'cancelled':
      // parsePromiseRow refuses a released or cancelled row without its reason.
      return { ...at, event: { type: ending.status, reason: ending.note ?? '' } };
  }
}
