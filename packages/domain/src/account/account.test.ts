import { describe, expect, it } from 'vitest';
import { ids } from '../__tests__/promise-builders.ts';
import { isKnownTimeZone } from '../shared/time-zone.ts';
import {
  type CreateAccountInput,
  createAccountInputSchema,
  createContactInputSchema,
} from './account.ts';

function anAccountInput(overrides: Partial<CreateAccountInput> = {}): CreateAccountInput {
  return { name: 'Acme Pumps GmbH', ownerId: ids.owner, ...overrides };
}

describe('createAccountInputSchema', () => {
  it('fills in the defaults: a prospect of standard tier in UTC, not yet a customer', () => {
    expect(createAccountInputSchema.parse(anAccountInput())).toEqual({
      name: 'Acme Pumps GmbH',
      ownerId: ids.owner,
      stage: 'prospect',
      tier: 'standard',
      timeZone: 'UTC',
      customerSince: null,
      calendar: null,
    });
  });

  it('keeps what was given instead of the defaults', () => {
    expect(
      createAccountInputSchema.parse(
        anAccountInput({
          stage: 'active',
          tier: 'strategic',
          timeZone: 'Europe/Berlin',
          customerSince: '2019-04-01',
        }),
      ),
    ).toMatchObject({
      stage: 'active',
      tier: 'strategic',
      timeZone: 'Europe/Berlin',
      customerSince: '2019-04-01',
    });
  });

  it('trims the name and rejects one that is empty once trimmed', () => {
    expect(createAccountInputSchema.parse(anAccountInput({ name: '  Acme  ' })).name).toBe('Acme');
    expect(createAccountInputSchema.safeParse(anAccountInput({ name: '  ' })).success).toBe(false);
  });

  it.each(['Mars/Olympus', 'Europe/Atlantis', '', '+01:00'])(
    'rejects the unknown time zone %j, saying what it expects',
    (timeZone) => {
      const result = createAccountInputSchema.safeParse(anAccountInput({ timeZone }));

      expect(result.error?.issues).toEqual([
        expect.objectContaining({
          path: ['timeZone'],
          message: 'must be an IANA time zone such as Europe/Berlin',
        }),
      ]);
    },
  );

  it('rejects a customer-since that is not a calendar date', () => {
    for (const customerSince of ['2019-13-01', '01/04/2019', '2019-04-01T00:00:00Z']) {
      const result = createAccountInputSchema.safeParse(anAccountInput({ customerSince }));

      expect(result.error?.issues.map((issue) => issue.path)).toEqual([['customerSince']]);
    }
  });

  it('rejects a stage or tier it does not know, and an owner that is not a UUID', () => {
    const result = createAccountInputSchema.safeParse({
      ...anAccountInput(),
      stage: 'lost',
      tier: 'gold',
      ownerId: 'alice',
    });

    expect(result.error?.issues.map((issue) => issue.path)).toEqual([
      ['ownerId'],
      ['stage'],
      ['tier'],
    ]);
  });
});

describe('isKnownTimeZone', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'])('knows %s', (zone) => {
    expect(isKnownTimeZone(zone)).toBe(true);
  });

  it.each(['Mars/Olympus', 'Berlin', ''])('does not know %j', (zone) => {
    expect(isKnownTimeZone(zone)).toBe(false);
  });
});

describe('createContactInputSchema', () => {
  it('needs only the account and a name', () => {
    expect(createContactInputSchema.parse({ accountId: ids.account, name: 'Jane Doe' })).toEqual({
      accountId: ids.account,
      name: 'Jane Doe',
      email: null,
      phone: null,
      role: null,
    });
  });

  it('rejects an e-mail address that is not one', () => {
    const result = createContactInputSchema.safeParse({
      accountId: ids.account,
      name: 'Jane Doe',
      email: 'jane at acme',
    });

    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['email'], message: 'must be an e-mail address' }),
    ]);
  });

  it('stores a time zone in its canonical spelling whatever case it was typed in', () => {
    const parsed = createAccountInputSchema.parse(anAccountInput({ timeZone: 'europe/berlin' }));

    expect(parsed.timeZone).toBe('Europe/Berlin');
  });
});
