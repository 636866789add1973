import { describe, expect, it } from 'vitest';
import { parseAccountRow } from './account-row.ts';
import { missingColumns } from './csv-row.ts';

const goodRow = {
  external_id: 'CRM-1',
  name: ' Acme Pumps GmbH ',
  owner_email: 'ada@example.com',
  stage: 'active',
  tier: 'key',
  time_zone: 'europe/berlin',
  customer_since: '2019-04-01',
};

describe('parseAccountRow', () => {
  it('reads an account with its cells trimmed and its time zone in canonical spelling', () => {
    expect(parseAccountRow(goodRow, 2)).toEqual({
      ok: true,
      account: {
        externalId: 'CRM-1',
        name: 'Acme Pumps GmbH',
        ownerEmail: 'ada@example.com',
        stage: 'active',
        tier: 'key',
        timeZone: 'Europe/Berlin',
        customerSince: '2019-04-01',
      },
    });
  });

  it('treats blank cells as not given: the defaults of a new account apply', () => {
    const result = parseAccountRow(
      { name: 'Acme', owner_email: 'ada@example.com', stage: '', tier: ' ', external_id: '' },
      2,
    );

    expect(result).toMatchObject({
      ok: true,
      account: {
        externalId: null,
        stage: 'prospect',
        tier: 'standard',
        timeZone: 'UTC',
        customerSince: null,
      },
    });
  });

  it('names the row, the column and the rule of every cell that breaks one', () => {
    const result = parseAccountRow(
      {
        name: '',
        owner_email: 'ada at example',
        stage: 'lost',
        time_zone: 'Mars/Olympus',
        customer_since: '01/04/2019',
      },
      7,
    );

    expect(result).toEqual({
      ok: false,
      rejections: [
        { row: 7, field: 'name', rule: 'is required' },
        { row: 7, field: 'owner_email', rule: 'must be an e-mail address' },
        {
          row: 7,
          field: 'stage',
          rule: 'must be one of prospect, onboarding, active, at_risk, churned',
        },
        { row: 7, field: 'time_zone', rule: 'must be an IANA time zone such as Europe/Berlin' },
        { row: 7, field: 'customer_since', rule: 'must be a calendar date (YYYY-MM-DD)' },
      ],
    });
  });
});

describe('missingColumns', () => {
  it('names each required column the header lacks, on row 1', () => {
    expect(missingColumns(['name', 'tier'], ['name', 'owner_email'])).toEqual([
      { row: 1, field: 'owner_email', rule: 'column is missing' },
    ]);
  });

  it('finds nothing missing when every required column is there, in any order', () => {
    expect(missingColumns(['owner_email', 'x', 'name'], ['name', 'owner_email'])).toEqual([]);
  });
});
