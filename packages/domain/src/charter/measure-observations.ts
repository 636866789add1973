import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { businessMinutesBetween } from '../calendar/business-time.ts';
import { type Instant, instantMs } from '../shared/instant.ts';
import type { Charter } from './charter.ts';
import type { CharterObservation, CharterObservationCommand } from './charter-observation.ts';
import { termCalendar } from './charter-term.ts';
import { isDurationTerm } from './term-target.ts';

/** Why one row of a batch was refused: its index, the field within it, and the rule. */
export interface ObservationIssue {
  index: number;
  field: string;
  code: string;
  message: string;
}

/** What an observation is measured against: the account's charter (if any) and calendar. */
export interface ObservedAccount {
  charter: Charter | null;
  /** The account's business calendar (its own, else the company's). */
  calendar: BusinessCalendar;
}

/**
 * Measures a batch of observations against the current charter of each one's account: a term of
 * the current version, measured the way the term is (business time or a quantity), nothing in the
 * future; start/end instants become business minutes in the term's calendar. Every refused row is
 * reported; callers store the observations only when there are no issues (all or nothing).
 */
export function measureObservations(
  rows: readonly CharterObservationCommand[],
  context: {
    /** Each account the rows name; an account missing from the map does not exist. */
    accounts: ReadonlyMap<string, ObservedAccount>;
    now: Instant;
    actorId: string | null;
    newId: () => string;
  },
): { observations: CharterObservation[]; issues: ObservationIssue[] } {
  const observations: CharterObservation[] = [];
  const issues: ObservationIssue[] = [];
  rows.forEach((row, index) => {
    const refuse = (field: string, code: string, message: string) => {
      issues.push({ index, field, code, message });
    };
    const account = context.accounts.get(row.accountId);
    if (account === undefined) {
      refuse('accountId', 'account_not_found', `There is no account ${row.accountId}.`);
      return;
    }
    const charter = account.charter;
    if (charter === null) {
      refuse('accountId', 'charter_not_found', 'has no service charter yet: save one first');
      return;
    }
    const term = charter.current.terms.find((candidate) => candidate.id === row.termId);
    if (term === undefined) {
      refuse(
        'termId',
        'term_not_found',
        `is not a term of the account's current charter (version ${charter.head.currentVersion})`,
      );
      return;
    }
    if (isDurationTerm(term) && row.quantity !== undefined) {
      refuse(
        'quantity',
        'measurement_mismatch',
        'must not be given: this term is measured in business time (give businessMinutes, or startedAt and endedAt)',
      );
      return;
    }
    if (!isDurationTerm(term) && row.quantity === undefined) {
      refuse(
        row.businessMinutes === undefined ? 'startedAt' : 'businessMinutes',
        'measurement_mismatch',
        `must not be given: this term counts ${term.quantityTarget?.unit ?? 'a quantity'} (give quantity)`,
      );
      return;
    }
    const occurredAt = row.occurredAt ?? row.endedAt ?? context.now;
    for (const field of ['occurredAt', 'endedAt', 'startedAt'] as const) {
      const at = row[field];
      if (at !== undefined && instantMs(at) > instantMs(context.now)) {
        refuse(field, 'occurred_in_future', `must not be in the future (it is now ${context.now})`);
        return;
      }
    }
    const measured =
      row.startedAt !== undefined && row.endedAt !== undefined
        ? businessMinutesBetween(termCalendar(term, account.calendar), row.startedAt, row.endedAt)
        : (row.businessMinutes ?? null);
    observations.push({
      id: context.newId(),
      accountId: row.accountId,
      termId: term.id,
      charterVersion: charter.head.currentVersion,
      reference: row.reference,
      occurredAt,
      startedAt: row.startedAt ?? null,
      endedAt: row.endedAt ?? null,
      businessMinutes: isDurationTerm(term) ? measured : null,
      quantity: row.quantity ?? null,
      note: row.note,
      recordedAt: context.now,
      recordedBy: context.actorId,
    });
  });
  return { observations, issues };
}
