import { describe, expect, it } from 'vitest';
import { isDomainError } from '../shared/domain-error.ts';
import { type Charter, reviseCharter, saveCharterInputSchema } from './charter.ts';
import {
  accountId,
  actorId,
  firstCharter,
  firstResponseTerm,
  resolutionTerm,
  termIds,
} from './charter-fixtures.ts';
import type { CharterTermInput } from './charter-term.ts';

const stamp = (now: string, newTermId = termIds()) => ({
  now,
  actorId,
  newTermId,
  timeZone: 'Europe/Berlin',
});

function revise(charter: Charter, terms: CharterTermInput[], extra: Record<string, unknown> = {}) {
  const input = saveCharterInputSchema.parse({
    accountId,
    expectedVersion: charter.head.currentVersion,
    terms,
    ...extra,
  });
  const newIds = termIds();
  for (let n = 0; n < 100; n += 1) newIds(); // new terms get ids unlike the first charter's
  return reviseCharter(charter, input, stamp('2026-03-02T10:00:00.000Z', newIds));
}

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('charter versions', () => {
  it('makes version 1 with fresh term ids, the next review one cadence after it was agreed', () => {
    const charter = firstCharter([firstResponseTerm, resolutionTerm], { reviewEveryMonths: 6 });
    expect(charter.head).toEqual({
      accountId,
      currentVersion: 1,
      createdAt: '2026-01-05T09:00:00.000Z',
      lastReviewedAt: null,
      nextReviewAt: '2026-07-05T08:00:00.000Z', // 10:00 in Berlin, now in summer time
      updatedAt: '2026-01-05T09:00:00.000Z',
    });
    expect(charter.current.terms.map((term) => term.id)).toEqual([
      '00000000-0000-7000-8000-000000000001',
      '00000000-0000-7000-8000-000000000002',
    ]);
    expect(charter.current).toMatchObject({ version: 1, createdBy: actorId, changeNote: null });
  });

  it('makes a new version without touching the old one, keeping carried-over term ids', () => {
    const charter = firstCharter([firstResponseTerm, resolutionTerm]);
    const before = structuredClone(charter);
    const [response] = charter.current.terms;
    const { head, version } = revise(
      charter,
      [{ ...firstResponseTerm, id: response?.id, target: { amount: 2, unit: 'business_hours' } }],
      { changeNote: 'Tightened to 2 hours; resolution dropped', reviewEveryMonths: 3 },
    );
    expect(charter).toEqual(before);
    expect(version).toMatchObject({
      version: 2,
      changeNote: 'Tightened to 2 hours; resolution dropped',
    });
    expect(version.terms).toHaveLength(1);
    expect(version.terms[0]).toMatchObject({ id: response?.id, target: { amount: 2 } });
    // The cadence changed: the next review is three months after the charter was agreed.
    expect(head).toMatchObject({ currentVersion: 2, nextReviewAt: '2026-04-05T08:00:00.000Z' });
  });

  it('refuses a stale expected version, naming the current one', () => {
    const charter = firstCharter([firstResponseTerm]);
    const input = saveCharterInputSchema.parse({
      accountId,
      expectedVersion: 0,
      terms: [resolutionTerm],
    });
    const error = thrown(() => reviseCharter(charter, input, stamp('2026-02-01T09:00:00.000Z')));
    expect(isDomainError(error) && error).toMatchObject({
      kind: 'conflict',
      code: 'version_conflict',
      field: 'expectedVersion',
      details: { currentVersion: 1 },
    });
  });

  it('refuses a term id that is not in the current version', () => {
    const charter = firstCharter([firstResponseTerm]);
    const error = thrown(() =>
      revise(charter, [
        resolutionTerm,
        { ...firstResponseTerm, id: '00000000-0000-7000-8000-0000000000ff' },
      ]),
    );
    expect(isDomainError(error) && error).toMatchObject({ kind: 'invalid', field: 'terms.1.id' });
  });

  it('refuses a carried-over term that would measure something else', () => {
    const charter = firstCharter([firstResponseTerm]);
    const id = charter.current.terms[0]?.id;
    const error = thrown(() => revise(charter, [{ ...resolutionTerm, id }]));
    expect(isDomainError(error) && error).toMatchObject({
      code: 'term_changed_kind',
      field: 'terms.0.metric',
    });
  });

  it('refuses the same term twice in one version', () => {
    const result = saveCharterInputSchema.safeParse({
      accountId,
      expectedVersion: 1,
      terms: [
        { ...firstResponseTerm, id: '00000000-0000-7000-8000-000000000001' },
        { ...firstResponseTerm, id: '00000000-0000-7000-8000-000000000001' },
      ],
    });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'terms.1.id',
    ]);
  });

  it('names the field of an unmeasurable term deep inside a charter', () => {
    const result = saveCharterInputSchema.safeParse({
      accountId,
      expectedVersion: 0,
      terms: [
        firstResponseTerm,
        { metric: 'delivery_lead_time', description: 'fast delivery', threshold: 0.9 },
      ],
    });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'terms.1.target',
    ]);
  });
});
