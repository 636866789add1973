import { describe, expect, it } from 'vitest';
import { newYorkNineToFive } from '../calendar/calendar-fixtures.ts';
import {
  accountId,
  actorId,
  berlinOffice,
  defectsTerm,
  firstCharter,
  firstResponseTerm,
} from './charter-fixtures.ts';
import {
  type CharterObservationInput,
  charterObservationBatchInputSchema,
  charterObservationInputSchema,
} from './charter-observation.ts';
import { measureObservations, type ObservedAccount } from './measure-observations.ts';

const charter = firstCharter([firstResponseTerm, defectsTerm]);
const [responseTerm, defects] = charter.current.terms;
const responseId = responseTerm?.id ?? '';
const defectsId = defects?.id ?? '';
const now = '2026-01-14T12:00:00.000Z';

function measure(rows: CharterObservationInput[], accounts?: Map<string, ObservedAccount>) {
  let next = 0;
  return measureObservations(
    rows.map((row) => charterObservationInputSchema.parse(row)),
    {
      accounts: accounts ?? new Map([[accountId, { charter, calendar: berlinOffice }]]),
      now,
      actorId,
      newId: () => `observation-${++next}`,
    },
  );
}

function pathsOf(input: unknown): string[] {
  const result = charterObservationBatchInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('measuring observations', () => {
  it('measures a ticket opened Friday 16:00 and answered Monday 10:00 as 2 business hours', () => {
    const { observations, issues } = measure([
      {
        accountId,
        termId: responseId,
        reference: 'TICKET-1',
        startedAt: '2026-01-09T16:00:00+01:00',
        endedAt: '2026-01-12T10:00:00+01:00',
      },
    ]);
    expect(issues).toEqual([]);
    expect(observations).toEqual([
      {
        id: 'observation-1',
        accountId,
        termId: responseId,
        charterVersion: 1,
        reference: 'TICKET-1',
        occurredAt: '2026-01-12T09:00:00.000Z',
        startedAt: '2026-01-09T15:00:00.000Z',
        endedAt: '2026-01-12T09:00:00.000Z',
        businessMinutes: 120,
        quantity: null,
        note: null,
        recordedAt: now,
        recordedBy: actorId,
      },
    ]);
  });

  it('measures in the term’s own calendar when it names one', () => {
    const ownCalendar = firstCharter([{ ...firstResponseTerm, calendar: newYorkNineToFive }]);
    const termId = ownCalendar.current.terms[0]?.id ?? '';
    const { observations } = measure(
      [{ accountId, termId, startedAt: '2026-01-12T16:00:00Z', endedAt: '2026-01-12T18:00:00Z' }],
      new Map([[accountId, { charter: ownCalendar, calendar: berlinOffice }]]),
    );
    // 17:00–19:00 in Berlin is after hours there, but 11:00–13:00 in New York is two working hours.
    expect(observations[0]?.businessMinutes).toBe(120);
  });

  it('takes a measured duration or a count as given, happening now unless told', () => {
    const { observations } = measure([
      { accountId, termId: responseId, businessMinutes: 95.5 },
      { accountId, termId: defectsId, quantity: 3, occurredAt: '2026-01-10T00:00:00Z' },
    ]);
    expect(observations.map((o) => [o.businessMinutes, o.quantity, o.occurredAt])).toEqual([
      [95.5, null, now],
      [null, 3, '2026-01-10T00:00:00.000Z'],
    ]);
  });

  it('reports every refused row by index and field, measuring the rest', () => {
    const { observations, issues } = measure([
      { accountId, termId: responseId, businessMinutes: 10 },
      { accountId, termId: defectsId, businessMinutes: 10 },
      { accountId, termId: responseId, quantity: 1 },
      { accountId, termId: '00000000-0000-7000-8000-0000000000ff', businessMinutes: 1 },
      { accountId: '00000000-0000-7000-8000-0000000000ee', termId: responseId, businessMinutes: 1 },
      { accountId, termId: responseId, businessMinutes: 1, occurredAt: '2026-02-01T00:00:00Z' },
    ]);
    expect(observations).toHaveLength(1);
    expect(issues.map((issue) => [issue.index, issue.field, issue.code])).toEqual([
      [1, 'businessMinutes', 'measurement_mismatch'],
      [2, 'quantity', 'measurement_mismatch'],
      [3, 'termId', 'term_not_found'],
      [4, 'accountId', 'account_not_found'],
      [5, 'occurredAt', 'occurred_in_future'],
    ]);
  });

  it('refuses observations for an account without a charter', () => {
    const { issues } = measure(
      [{ accountId, termId: responseId, businessMinutes: 1 }],
      new Map([[accountId, { charter: null, calendar: berlinOffice }]]),
    );
    expect(issues).toMatchObject([{ index: 0, field: 'accountId', code: 'charter_not_found' }]);
  });
});

describe('the observation schema', () => {
  const row = { accountId, termId: responseId };

  it('needs exactly one measurement, naming the field', () => {
    expect(pathsOf({ observations: [row] })).toEqual(['observations.0.businessMinutes']);
    expect(pathsOf({ observations: [{ ...row, businessMinutes: 1, quantity: 1 }] })).toEqual([
      'observations.0.quantity',
    ]);
    expect(
      pathsOf({
        observations: [{ ...row, startedAt: '2026-01-09T16:00:00Z', businessMinutes: 1 }],
      }),
    ).toEqual(['observations.0.endedAt', 'observations.0.startedAt']);
  });

  it('names the row and field of an end before the start', () => {
    expect(
      pathsOf({
        observations: [
          { ...row, businessMinutes: 1 },
          { ...row, businessMinutes: 1 },
          { ...row, businessMinutes: 1 },
          { ...row, startedAt: '2026-01-09T16:00:00Z', endedAt: '2026-01-09T15:00:00Z' },
        ],
      }),
    ).toEqual(['observations.3.endedAt']);
  });

  it('takes at most 1000 observations in one batch', () => {
    const many = Array.from({ length: 1001 }, () => ({ ...row, businessMinutes: 1 }));
    expect(pathsOf({ observations: many })).toEqual(['observations']);
    expect(pathsOf({ observations: many.slice(1) })).toEqual([]);
    expect(pathsOf({ observations: [] })).toEqual(['observations']);
  });
});
