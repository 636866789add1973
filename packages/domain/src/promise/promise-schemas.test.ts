import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ids } from '../__tests__/promise-builders.ts';
import {
  type PromiseEventInput,
  promiseEventInputSchema,
  recordPromiseEventInputSchema,
} from './promise-event.ts';
import { type MakePromiseInput, makePromiseInputSchema } from './promise-terms.ts';

/** The paths of the issues `schema` finds in `input` (none when it is valid). */
function issuePaths(schema: z.ZodType, input: unknown): PropertyKey[][] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path);
}

function aMakePromiseInput(overrides: Partial<MakePromiseInput> = {}): MakePromiseInput {
  return {
    accountId: ids.account,
    ownerId: ids.owner,
    kind: 'delivery',
    title: 'Ship the replacement pump',
    due: { kind: 'point', at: '2026-03-09T17:00:00Z' },
    ...overrides,
  };
}

describe('makePromiseInputSchema', () => {
  it('fills in the defaults: normal importance, a manual source, no contact, no condition, no details', () => {
    const command = makePromiseInputSchema.parse(aMakePromiseInput());

    expect(command).toEqual({
      accountId: ids.account,
      contactId: null,
      ownerId: ids.owner,
      kind: 'delivery',
      title: 'Ship the replacement pump',
      details: null,
      due: { kind: 'point', at: '2026-03-09T17:00:00.000Z' },
      importance: 'normal',
      condition: null,
      source: { type: 'manual' },
    });
    expect(command.madeAt).toBeUndefined();
  });

  it('keeps what was given instead of the defaults', () => {
    const command = makePromiseInputSchema.parse(
      aMakePromiseInput({
        contactId: ids.contact,
        importance: 'critical',
        condition: 'provided the customer sends the specs',
        source: { type: 'integration', system: 'Zendesk' },
        madeAt: '2026-03-02T09:00:00Z',
      }),
    );

    expect(command).toMatchObject({
      contactId: ids.contact,
      importance: 'critical',
      condition: 'provided the customer sends the specs',
      source: { type: 'integration', system: 'Zendesk', reference: null },
      madeAt: '2026-03-02T09:00:00.000Z',
    });
  });

  it('trims the title and rejects one that is empty once trimmed', () => {
    expect(makePromiseInputSchema.parse(aMakePromiseInput({ title: '  Call back  ' })).title).toBe(
      'Call back',
    );
    expect(issuePaths(makePromiseInputSchema, aMakePromiseInput({ title: '' }))).toEqual([
      ['title'],
    ]);
    expect(issuePaths(makePromiseInputSchema, aMakePromiseInput({ title: '   ' }))).toEqual([
      ['title'],
    ]);
  });

  it('rejects a title longer than 200 characters', () => {
    expect(
      issuePaths(makePromiseInputSchema, aMakePromiseInput({ title: 'x'.repeat(201) })),
    ).toEqual([['title']]);
    expect(
      issuePaths(makePromiseInputSchema, aMakePromiseInput({ title: 'x'.repeat(200) })),
    ).toEqual([]);
  });

  it('rejects a kind it does not know', () => {
    expect(issuePaths(makePromiseInputSchema, { ...aMakePromiseInput(), kind: 'favour' })).toEqual([
      ['kind'],
    ]);
  });

  it.each(['accountId', 'ownerId', 'contactId'] as const)(
    'rejects a %s that is not a UUID',
    (field) => {
      const result = makePromiseInputSchema.safeParse(aMakePromiseInput({ [field]: 'acme-42' }));

      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([
        expect.objectContaining({ path: [field], message: 'must be a UUID' }),
      ]);
    },
  );

  it('accepts a window whose latest equals its earliest', () => {
    const due = {
      kind: 'window',
      earliest: '2026-03-09T09:00:00Z',
      latest: '2026-03-09T09:00:00Z',
    } as const;

    expect(issuePaths(makePromiseInputSchema, aMakePromiseInput({ due }))).toEqual([]);
  });

  it('rejects a window whose latest is before its earliest, on due.latest', () => {
    const due = {
      kind: 'window',
      earliest: '2026-03-10T09:00:00Z',
      latest: '2026-03-09T17:00:00Z',
    } as const;
    const result = makePromiseInputSchema.safeParse(aMakePromiseInput({ due }));

    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['due', 'latest'], message: 'must not be before earliest' }),
    ]);
  });

  it('compares window ends as instants, not as the text they were written in', () => {
    // 10:00 in Berlin (UTC+1) is 09:00 UTC, before 09:30 UTC.
    const due = {
      kind: 'window',
      earliest: '2026-03-09T10:00:00+01:00',
      latest: '2026-03-09T09:30:00Z',
    } as const;

    expect(issuePaths(makePromiseInputSchema, aMakePromiseInput({ due }))).toEqual([]);
  });

  it('rejects a due of a kind it does not know', () => {
    const due = {
      kind: 'someday',
      at: '2026-03-09T17:00:00Z',
    } as unknown as MakePromiseInput['due'];

    expect(issuePaths(makePromiseInputSchema, aMakePromiseInput({ due }))).toEqual([
      ['due', 'kind'],
    ]);
  });

  it('normalises a date-time with an offset to UTC', () => {
    const command = makePromiseInputSchema.parse(
      aMakePromiseInput({
        due: { kind: 'point', at: '2026-03-01T10:00:00+01:00' },
        madeAt: '2026-02-27T18:30:00-05:00',
      }),
    );

    expect(command.due).toEqual({ kind: 'point', at: '2026-03-01T09:00:00.000Z' });
    expect(command.madeAt).toBe('2026-02-27T23:30:00.000Z');
  });

  it.each([
    ['without a time zone', '2026-03-01T10:00:00'],
    ['that is only a date', '2026-03-01'],
    ['that is not a date at all', 'next Tuesday'],
  ])('rejects a due date-time %s', (_label, at) => {
    expect(
      issuePaths(makePromiseInputSchema, aMakePromiseInput({ due: { kind: 'point', at } })),
    ).toEqual([['due', 'at']]);
  });

  it('rejects an integration source without a system', () => {
    const source = { type: 'integration', system: ' ' } as const;

    expect(issuePaths(makePromiseInputSchema, aMakePromiseInput({ source }))).toEqual([
      ['source', 'system'],
    ]);
  });
});

describe('promiseEventInputSchema', () => {
  const parse = (input: PromiseEventInput) => promiseEventInputSchema.parse(input);
  const paths = (input: unknown) => issuePaths(promiseEventInputSchema, input);

  it('condition met needs no new due', () => {
    expect(parse({ type: 'condition_met' })).toEqual({ type: 'condition_met', newDue: null });
  });

  it('condition met may carry a new due, normalised to UTC', () => {
    expect(
      parse({ type: 'condition_met', newDue: { kind: 'point', at: '2026-04-01T12:00:00+02:00' } }),
    ).toEqual({ type: 'condition_met', newDue: { kind: 'point', at: '2026-04-01T10:00:00.000Z' } });
  });

  it('progress needs a milestone of 1 to 200 characters, trimmed', () => {
    expect(parse({ type: 'progress', milestone: ' Handed to the carrier ' })).toEqual({
      type: 'progress',
      milestone: 'Handed to the carrier',
    });
    expect(paths({ type: 'progress', milestone: '' })).toEqual([['milestone']]);
    expect(paths({ type: 'progress' })).toEqual([['milestone']]);
    expect(paths({ type: 'progress', milestone: 'x'.repeat(201) })).toEqual([['milestone']]);
  });

  it('at risk needs a reason', () => {
    expect(parse({ type: 'at_risk_flagged', reason: 'Supplier is late' })).toEqual({
      type: 'at_risk_flagged',
      reason: 'Supplier is late',
    });
    expect(paths({ type: 'at_risk_flagged', reason: '  ' })).toEqual([['reason']]);
  });

  it('customer informed defaults to no alternatives and no message', () => {
    expect(parse({ type: 'customer_informed', channel: 'phone', apologised: true })).toEqual({
      type: 'customer_informed',
      channel: 'phone',
      alternativesOffered: [],
      apologised: true,
      message: null,
    });
  });

  it('customer informed needs a known channel and whether we apologised', () => {
    expect(paths({ type: 'customer_informed', channel: 'pigeon', apologised: false })).toEqual([
      ['channel'],
    ]);
    expect(paths({ type: 'customer_informed', channel: 'email' })).toEqual([['apologised']]);
  });

  it('customer informed takes at most 10 alternatives, none of them empty', () => {
    const base = { type: 'customer_informed', channel: 'email', apologised: false };

    expect(paths({ ...base, alternativesOffered: Array(10).fill('Collect it') })).toEqual([]);
    expect(paths({ ...base, alternativesOffered: Array(11).fill('Collect it') })).toEqual([
      ['alternativesOffered'],
    ]);
    expect(paths({ ...base, alternativesOffered: ['Collect it', ' '] })).toEqual([
      ['alternativesOffered', 1],
    ]);
  });

  it('renegotiated needs a new due and a reason', () => {
    const newDue = { kind: 'point', at: '2026-04-01T12:00:00Z' } as const;

    expect(parse({ type: 'renegotiated', newDue, reason: 'Supplier delay' })).toEqual({
      type: 'renegotiated',
      newDue: { kind: 'point', at: '2026-04-01T12:00:00.000Z' },
      reason: 'Supplier delay',
    });
    expect(paths({ type: 'renegotiated', reason: 'Supplier delay' })).toEqual([['newDue']]);
    expect(paths({ type: 'renegotiated', newDue })).toEqual([['reason']]);
  });

  it('renegotiated rejects a window whose latest is before its earliest, on newDue.latest', () => {
    const newDue = {
      kind: 'window',
      earliest: '2026-04-02T12:00:00Z',
      latest: '2026-04-01T12:00:00Z',
    };

    expect(paths({ type: 'renegotiated', newDue, reason: 'Supplier delay' })).toEqual([
      ['newDue', 'latest'],
    ]);
  });

  it('fulfilled says whether in full or in part, with an optional note', () => {
    expect(parse({ type: 'fulfilled', completeness: 'partial' })).toEqual({
      type: 'fulfilled',
      completeness: 'partial',
      note: null,
    });
    expect(paths({ type: 'fulfilled', completeness: 'mostly' })).toEqual([['completeness']]);
    expect(paths({ type: 'fulfilled' })).toEqual([['completeness']]);
  });

  it('missed takes an optional note, trimmed', () => {
    expect(parse({ type: 'missed' })).toEqual({ type: 'missed', note: null });
    expect(parse({ type: 'missed', note: ' Truck broke down ' })).toEqual({
      type: 'missed',
      note: 'Truck broke down',
    });
    expect(paths({ type: 'missed', note: 'x'.repeat(1001) })).toEqual([['note']]);
  });

  it.each(['released', 'cancelled'] as const)('%s needs a reason', (type) => {
    expect(parse({ type, reason: 'No longer needed' })).toEqual({
      type,
      reason: 'No longer needed',
    });
    expect(paths({ type })).toEqual([['reason']]);
    expect(paths({ type, reason: '' })).toEqual([['reason']]);
  });

  it.each(['made', 'reopened'])(
    'rejects %s, which cannot be recorded against a promise',
    (type) => {
      expect(paths({ type })).toEqual([['type']]);
    },
  );
});

describe('recordPromiseEventInputSchema', () => {
  const input = {
    promiseId: ids.promise,
    expectedVersion: 3,
    event: { type: 'missed' },
  };

  it('accepts an event at the version the caller saw, with when it happened optional', () => {
    expect(recordPromiseEventInputSchema.parse(input)).toEqual({
      promiseId: ids.promise,
      expectedVersion: 3,
      event: { type: 'missed', note: null },
    });
  });

  it('normalises when it happened to UTC', () => {
    const parsed = recordPromiseEventInputSchema.parse({
      ...input,
      occurredAt: '2026-03-01T10:00:00+01:00',
    });

    expect(parsed.occurredAt).toBe('2026-03-01T09:00:00.000Z');
  });

  it.each([0, -1, 1.5])('rejects expectedVersion %s', (expectedVersion) => {
    expect(issuePaths(recordPromiseEventInputSchema, { ...input, expectedVersion })).toEqual([
      ['expectedVersion'],
    ]);
  });

  it('accepts expectedVersion 1, the version of a promise just made', () => {
    expect(issuePaths(recordPromiseEventInputSchema, { ...input, expectedVersion: 1 })).toEqual([]);
  });

  it('rejects a promise id that is not a UUID', () => {
    expect(issuePaths(recordPromiseEventInputSchema, { ...input, promiseId: '42' })).toEqual([
      ['promiseId'],
    ]);
  });

  it('reports a bad event under event', () => {
    expect(
      issuePaths(recordPromiseEventInputSchema, { ...input, event: { type: 'released' } }),
    ).toEqual([['event', 'reason']]);
  });
});
