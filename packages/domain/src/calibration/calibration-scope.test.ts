import { describe, expect, it } from 'vitest';
import { aCalibrationRecord, recordsSpread, scopeIds } from '../__tests__/survival-builders.ts';
import { selectCalibrationScope } from './calibration-scope.ts';

const question = {
  kind: 'delivery',
  accountId: scopeIds.northwind,
  ownerId: scopeIds.alice,
} as const;

describe('selectCalibrationScope', () => {
  it('reads this kind for this account when the account has enough fulfilled promises', () => {
    const records = [...recordsSpread(12), ...recordsSpread(30, { accountId: scopeIds.contoso })];

    const { scope, records: used } = selectCalibrationScope({
      records,
      question,
      minFulfilled: 12,
    });

    expect(scope).toEqual({
      level: 'kind_account',
      kind: 'delivery',
      accountId: scopeIds.northwind,
      ownerId: null,
      sufficient: true,
      fallbackChain: [{ level: 'kind_account', fulfilled: 12, censored: 0, enough: true }],
    });
    expect(used).toHaveLength(12);
  });

  it("falls back to the owner's promises of this kind when the account has too few, and says so", () => {
    const records = [
      ...recordsSpread(5),
      ...recordsSpread(3, { fulfilled: false }),
      ...recordsSpread(10, { accountId: scopeIds.contoso }),
    ];

    const { scope, records: used } = selectCalibrationScope({
      records,
      question,
      minFulfilled: 12,
    });

    expect(scope.level).toBe('kind_owner');
    expect(scope.ownerId).toBe(scopeIds.alice);
    expect(scope.fallbackChain).toEqual([
      { level: 'kind_account', fulfilled: 5, censored: 3, enough: false },
      { level: 'kind_owner', fulfilled: 15, censored: 3, enough: true },
    ]);
    expect(used).toHaveLength(18);
  });

  it('falls back to the kind across everyone, then to every kind', () => {
    const toKind = selectCalibrationScope({
      records: [
        ...recordsSpread(4),
        ...recordsSpread(12, { ownerId: scopeIds.bob, accountId: scopeIds.contoso }),
      ],
      question,
      minFulfilled: 12,
    });
    const toAll = selectCalibrationScope({
      records: [...recordsSpread(4), ...recordsSpread(12, { kind: 'fix', ownerId: scopeIds.bob })],
      question,
      minFulfilled: 12,
    });

    expect(toKind.scope.fallbackChain.map((c) => c.level)).toEqual([
      'kind_account',
      'kind_owner',
      'kind',
    ]);
    expect(toKind.scope).toMatchObject({ level: 'kind', kind: 'delivery', sufficient: true });
    expect(toAll.scope.fallbackChain.map((c) => [c.level, c.fulfilled])).toEqual([
      ['kind_account', 4],
      ['kind_owner', 4],
      ['kind', 4],
      ['all', 16],
    ]);
    expect(toAll.scope).toMatchObject({ level: 'all', kind: null, sufficient: true });
  });

  it('counts only fulfilled promises toward the minimum: open ones inform the curve but do not qualify a scope', () => {
    const records = [...recordsSpread(11), ...recordsSpread(40, { fulfilled: false })];

    const { scope } = selectCalibrationScope({ records, question, minFulfilled: 12 });

    expect(scope.fallbackChain[0]).toEqual({
      level: 'kind_account',
      fulfilled: 11,
      censored: 40,
      enough: false,
    });
    expect(scope.sufficient).toBe(false);
    expect(scope.level).toBe('all');
  });

  it('uses every kind, marked insufficient, when no scope has enough', () => {
    const { scope, records } = selectCalibrationScope({
      records: recordsSpread(3),
      question,
      minFulfilled: 12,
    });

    expect(scope).toMatchObject({ level: 'all', sufficient: false });
    expect(records).toHaveLength(3);
  });

  it('skips the account and owner levels when the question names neither', () => {
    const { scope } = selectCalibrationScope({
      records: recordsSpread(20),
      question: { kind: 'delivery' },
      minFulfilled: 12,
    });

    expect(scope.fallbackChain.map((c) => c.level)).toEqual(['kind']);
  });

  it('honours a configured minimum', () => {
    const records = recordsSpread(5);

    expect(selectCalibrationScope({ records, question, minFulfilled: 5 }).scope.level).toBe(
      'kind_account',
    );
    expect(selectCalibrationScope({ records, question, minFulfilled: 6 }).scope.level).toBe('all');
  });

  it('never counts another kind in a kind scope', () => {
    const records = [...recordsSpread(6), aCalibrationRecord({ kind: 'quote' })];

    const { scope } = selectCalibrationScope({ records, question, minFulfilled: 7 });

    expect(scope.fallbackChain.slice(0, 3).map((c) => c.fulfilled)).toEqual([6, 6, 6]);
    expect(scope.fallbackChain[3]).toMatchObject({ level: 'all', fulfilled: 7, enough: true });
  });
});
