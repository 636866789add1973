import { describe, expect, it } from 'vitest';
import { parsePromiseRow } from './promise-row.ts';
import { promiseRowHistory } from './promise-row-history.ts';

const now = '2026-11-24T10:00:00.000Z';
const fulfilledRow = {
  external_id: 'ERP-7',
  account: 'CRM-1',
  owner_email: 'ada@example.com',
  kind: 'delivery',
  what: '200 pumps',
  made_at: '2026-03-02T09:00:00+01:00',
  due_at: '2026-03-12T17:00:00Z',
  status: 'fulfilled',
  closed_at: '2026-03-11T12:00:00Z',
};
const parse = (record: Record<string, string>, row = 2) => parsePromiseRow(record, { row, now });
const rulesOf = (record: Record<string, string>) => {
  const result = parse(record);
  return result.ok ? [] : result.rejections.map(({ field, rule }) => ({ field, rule }));
};

describe('parsePromiseRow', () => {
  it('reads a kept promise: terms, due as a point in UTC, and when it was fulfilled', () => {
    const result = parse(fulfilledRow);

    expect(result).toEqual({
      ok: true,
      promise: {
        externalId: 'ERP-7',
        account: 'CRM-1',
        ownerEmail: 'ada@example.com',
        kind: 'delivery',
        title: '200 pumps',
        details: null,
        importance: 'normal',
        madeAt: '2026-03-02T08:00:00.000Z',
        due: { kind: 'point', at: '2026-03-12T17:00:00.000Z' },
        condition: null,
        conditionMetAt: null,
        ending: { status: 'fulfilled', at: '2026-03-11T12:00:00.000Z', note: null },
        informed: null,
      },
    });
  });

  it('reads a window due and a promise still running', () => {
    const { due_at: _, status: __, closed_at: ___, ...rest } = fulfilledRow;
    const result = parse({
      ...rest,
      due_earliest: '2026-03-10T09:00:00Z',
      due_latest: '2026-03-14T17:00:00Z',
    });

    expect(result).toMatchObject({
      ok: true,
      promise: {
        due: {
          kind: 'window',
          earliest: '2026-03-10T09:00:00.000Z',
          latest: '2026-03-14T17:00:00.000Z',
        },
        ending: { status: 'running' },
      },
    });
  });

  it('names every missing required cell', () => {
    expect(rulesOf({ status: 'open' })).toEqual([
      { field: 'account', rule: 'is required' },
      { field: 'owner_email', rule: 'is required' },
      { field: 'kind', rule: 'is required' },
      { field: 'what', rule: 'is required' },
      { field: 'made_at', rule: 'is required' },
    ]);
  });

  it('refuses a kind, importance or status it does not know, listing what it accepts', () => {
    const rules = rulesOf({
      ...fulfilledRow,
      kind: 'parcel',
      importance: 'urgent',
      status: 'done',
    });

    expect(rules.map((r) => r.field)).toEqual(['kind', 'importance', 'status']);
    expect(rules[0]?.rule).toMatch(/^must be one of delivery, response/);
  });

  it('needs a due: a point or a complete window, not both', () => {
    const { due_at: _, ...noDue } = fulfilledRow;
    expect(rulesOf(noDue)).toEqual([
      { field: 'due_at', rule: 'is required (or due_earliest and due_latest for a window)' },
    ]);
    expect(rulesOf({ ...noDue, due_latest: '2026-03-14T17:00:00Z' })).toEqual([
      { field: 'due_earliest', rule: 'is required with due_latest' },
    ]);
    expect(rulesOf({ ...fulfilledRow, due_earliest: '2026-03-10T09:00:00Z' })).toContainEqual({
      field: 'due_at',
      rule: 'give either due_at or due_earliest and due_latest, not both',
    });
    expect(
      rulesOf({
        ...noDue,
        due_earliest: '2026-03-14T09:00:00Z',
        due_latest: '2026-03-10T09:00:00Z',
      }),
    ).toEqual([{ field: 'due_latest', rule: 'must not be before due_earliest' }]);
  });

  it('refuses a due that does not lie after the promise was made', () => {
    expect(rulesOf({ ...fulfilledRow, due_at: '2026-03-01T09:00:00Z' })).toEqual([
      { field: 'due_at', rule: 'must lie after made_at' },
    ]);
  });

  it('needs closed_at exactly when the promise is closed, and a reason to cancel or release', () => {
    expect(rulesOf({ ...fulfilledRow, closed_at: '' })).toEqual([
      { field: 'closed_at', rule: 'is required when status is fulfilled' },
    ]);
    expect(rulesOf({ ...fulfilledRow, status: 'open' })).toEqual([
      { field: 'closed_at', rule: 'must be empty while status is open' },
    ]);
    expect(rulesOf({ ...fulfilledRow, status: 'cancelled' })).toEqual([
      { field: 'note', rule: 'is required when status is cancelled (the reason)' },
    ]);
  });

  it('refuses moments in the future or before the promise was made', () => {
    expect(
      rulesOf({
        ...fulfilledRow,
        closed_at: '2027-01-01T00:00:00Z',
        informed_at: '2026-03-01T00:00:00Z',
      }),
    ).toEqual([
      { field: 'informed_at', rule: 'must not be before made_at' },
      { field: 'closed_at', rule: `must not be in the future (it is now ${now})` },
    ]);
  });

  it('refuses a date-time without a time zone, naming the format it expects', () => {
    expect(rulesOf({ ...fulfilledRow, made_at: '2026-03-02 09:00' })).toEqual([
      {
        field: 'made_at',
        rule: 'must be an ISO-8601 date-time with a time zone (e.g. 2026-03-01T09:00:00Z)',
      },
    ]);
  });
});

describe('promiseRowHistory', () => {
  it('replays a slip told to the customer before the miss: made, informed, then missed', () => {
    const result = parse({
      ...fulfilledRow,
      status: 'missed',
      closed_at: '2026-03-13T09:00:00Z',
      note: 'Carrier lost the pallet',
      informed_at: '2026-03-11T15:00:00Z',
      informed_channel: 'phone',
      apologised: 'yes',
    });
    if (!result.ok) throw new Error('the row should parse');

    const { make, steps } = promiseRowHistory(result.promise, { accountId: 'a', ownerId: 'o' });

    expect(make).toMatchObject({
      accountId: 'a',
      ownerId: 'o',
      madeAt: '2026-03-02T08:00:00.000Z',
      source: { type: 'integration', system: 'csv-import', reference: 'ERP-7' },
    });
    expect(steps).toEqual([
      {
        field: 'informed_at',
        occurredAt: '2026-03-11T15:00:00.000Z',
        event: {
          type: 'customer_informed',
          channel: 'phone',
          alternativesOffered: [],
          apologised: true,
          message: null,
        },
      },
      {
        field: 'closed_at',
        occurredAt: '2026-03-13T09:00:00.000Z',
        event: { type: 'missed', note: 'Carrier lost the pallet' },
      },
    ]);
  });

  it('orders events by when they happened, whatever the columns say first', () => {
    const result = parse({ ...fulfilledRow, informed_at: '2026-03-11T13:00:00Z' });
    if (!result.ok) throw new Error('the row should parse');

    const { steps } = promiseRowHistory(result.promise, { accountId: 'a', ownerId: 'o' });

    expect(steps.map((step) => step.event.type)).toEqual(['fulfilled', 'customer_informed']);
  });
});
