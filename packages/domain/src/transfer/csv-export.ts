import type { Account } from '../account/account.ts';
import type { OutcomeKind } from '../outcome/promise-outcome.ts';
import type { PromiseState } from '../promise/promise-state.ts';
import type { accountCsvColumns } from './account-row.ts';
import type { promiseCsvColumns } from './promise-row.ts';

export type AccountCsvRecord = Record<(typeof accountCsvColumns)[number], string>;
export type PromiseCsvRecord = Record<(typeof promiseCsvColumns)[number], string>;

/** An account as a row of the accounts CSV: what an import of that row would make again. */
export function accountCsvRecord(
  account: Account,
  references: { externalId: string | null; ownerEmail: string },
): AccountCsvRecord {
  return {
    external_id: references.externalId ?? '',
    name: account.name,
    owner_email: references.ownerEmail,
    stage: account.stage,
    tier: account.tier,
    time_zone: account.timeZone,
    customer_since: account.customerSince ?? '',
  };
}

/**
 * A promise as a row of the promise history CSV: its terms, the due in force, how it stands and
 * when it closed, the first time the customer was told, and its outcome (`result`). A history
 * flattens into one row: renegotiations, progress and later notices are not carried.
 */
export function promiseCsvRecord(
  state: PromiseState,
  references: {
    externalId: string | null;
    account: string;
    ownerEmail: string;
    result: OutcomeKind;
  },
): PromiseCsvRecord {
  const { terms, due } = state;
  const notice = state.notices[0];
  return {
    external_id: references.externalId ?? '',
    account: references.account,
    owner_email: references.ownerEmail,
    kind: terms.kind,
    what: terms.title,
    details: terms.details ?? '',
    importance: terms.importance,
    made_at: terms.madeAt,
    due_at: due.kind === 'point' ? due.at : '',
    due_earliest: due.kind === 'window' ? due.earliest : '',
    due_latest: due.kind === 'window' ? due.latest : '',
    condition: terms.condition ?? '',
    condition_met_at: state.conditionMetAt ?? '',
    status: state.status,
    closed_at: state.closedAt ?? '',
    note: state.closingNote ?? '',
    informed_at: notice?.at ?? '',
    informed_channel: notice?.channel ?? '',
    apologised: notice === undefined ? '' : notice.apologised ? 'yes' : 'no',
    result: references.result,
  };
}
