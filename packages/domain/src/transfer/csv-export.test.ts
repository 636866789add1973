import { describe, expect, it } from 'vitest';
import { makePromise, recordPromiseEvent } from '../promise/promise-commands.ts';
import type { PromiseState } from '../promise/promise-state.ts';
import { parseAccountRow } from './account-row.ts';
import { accountCsvRecord, promiseCsvRecord } from './csv-export.ts';
import { parsePromiseRow } from './promise-row.ts';
import { promiseRowHistory } from './promise-row-history.ts';

const now = '2026-11-24T10:00:00.000Z';
const references = {
  accountId: '0190a4b2-0000-7000-8000-00000000a001',
  ownerId: '0190a4b2-0000-7000-8000-00000000b001',
};

/** A row replayed as an import does: made, then each event at its own moment. */
function replayed(record: Record<string, string>): PromiseState {
  const parsed = parsePromiseRow(record, { row: 2, now });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.rejections));
  const { make, steps } = promiseRowHistory(parsed.promise, references);
  let n = 0;
  const stamp = (at: string) => ({ eventId: `e${++n}`, now: at, actorId: null });
  let { state } = makePromise(make, { ...stamp(make.madeAt ?? now), promiseId: 'p1' });
  for (const step of steps) {
    state = recordPromiseEvent(
      state,
      { expectedVersion: state.version, occurredAt: step.occurredAt, event: step.event },
      stamp(step.occurredAt),
    ).state;
  }
  return state;
}

const exported = (state: PromiseState, externalId: string) =>
  promiseCsvRecord(state, {
    externalId,
    account: 'CRM-1',
    ownerEmail: 'ada@example.com',
    result: 'missed',
  });

/** Rows as a history CSV holds them, each with its external id. */
const rows: (Record<string, string> & { external_id: string })[] = [
  {
    external_id: 'ERP-1',
    kind: 'delivery',
    what: '200 pumps, "express"',
    made_at: '2026-03-02T09:00:00.000Z',
    due_at: '2026-03-12T16:00:00.000Z',
    status: 'missed',
    closed_at: '2026-03-13T09:00:00.000Z',
    note: 'Supplier strike',
    informed_at: '2026-03-11T15:00:00.000Z',
    informed_channel: 'phone',
    apologised: 'yes',
  },
  {
    external_id: 'ERP-2',
    kind: 'quote',
    what: 'Quote',
    details: 'Two options',
    importance: 'high',
    made_at: '2026-03-02T09:00:00.000Z',
    due_earliest: '2026-03-10T09:00:00.000Z',
    due_latest: '2026-03-12T16:00:00.000Z',
    condition: 'provided the specs arrive',
    condition_met_at: '2026-03-03T09:00:00.000Z',
    status: 'cancelled',
    closed_at: '2026-03-05T09:00:00.000Z',
    note: 'Customer bought elsewhere',
  },
  {
    external_id: 'ERP-3',
    kind: 'callback',
    what: 'Call back about the invoice',
    made_at: '2026-11-20T09:00:00.000Z',
    due_at: '2026-11-28T16:00:00.000Z',
  },
];

describe('promiseCsvRecord', () => {
  it.each(rows)('writes what an import of the row $external_id makes again', (cells) => {
    const record = { account: 'CRM-1', owner_email: 'ada@example.com', ...cells };

    const once = exported(replayed(record), cells.external_id);
    const twice = exported(replayed(once), cells.external_id);

    expect(twice).toEqual(once);
    expect(once).toMatchObject({ ...cells, status: cells.status ?? 'open', result: 'missed' });
  });
});

describe('accountCsvRecord', () => {
  it('writes blanks for what an account does not have', () => {
    const record = accountCsvRecord(
      {
        id: 'a1',
        name: 'Acme',
        ownerId: 'o1',
        stage: 'prospect',
        tier: 'standard',
        timeZone: 'UTC',
        customerSince: null,
        calendar: null,
        createdAt: now,
        version: 1,
      },
      { externalId: null, ownerEmail: 'ada@example.com' },
    );

    expect(record).toEqual({
      external_id: '',
      name: 'Acme',
      owner_email: 'ada@example.com',
      stage: 'prospect',
      tier: 'standard',
      time_zone: 'UTC',
      customer_since: '',
    });
    expect(parseAccountRow(record, 2)).toMatchObject({ ok: true, account: { name: 'Acme' } });
  });
});
