import type { PromiseKind } from '../promise/promise-terms.ts';
import type { CalibrationRecord } from './calibration-record.ts';

/**
 * How narrowly the history is read, narrowest first: this kind for this account, this kind by
 * this account manager, this kind across all accounts, every kind.
 */
export const calibrationScopeLevels = ['kind_account', 'kind_owner', 'kind', 'all'] as const;
export type CalibrationScopeLevel = (typeof calibrationScopeLevels)[number];

/** What is being promised, to whom and by whom: the promise calibration is asked about. */
export interface CalibrationQuestion {
  kind: PromiseKind;
  accountId?: string | null;
  ownerId?: string | null;
}

/** One scope that was considered, with the history it holds. */
export interface ScopeCandidate {
  level: CalibrationScopeLevel;
  fulfilled: number;
  censored: number;
  /** Whether it held the minimum number of fulfilled promises. */
  enough: boolean;
}

/** The scope whose history the figures come from, and the narrower ones passed over on the way. */
export interface CalibrationScope {
  level: CalibrationScopeLevel;
  kind: PromiseKind | null;
  accountId: string | null;
  ownerId: string | null;
  /** False when even the widest scope held fewer fulfilled promises than the minimum. */
  sufficient: boolean;
  /** Every scope considered, in order; the last is the one used. */
  fallbackChain: ScopeCandidate[];
}

function belongsTo(
  level: CalibrationScopeLevel,
  question: CalibrationQuestion,
): (record: CalibrationRecord) => boolean {
  switch (level) {
    case 'kind_account':
      return (record) => record.kind === question.kind && record.accountId === question.accountId;
    case 'kind_owner':
      return (record) => record.kind === question.kind && record.ownerId === question.ownerId;
    case 'kind':
      return (record) => record.kind === question.kind;
    case 'all':
      return () => true;
  }
}

/** The levels that make sense for the question: no account level without an account, etc. */
function applicableLevels(question: CalibrationQuestion): CalibrationScopeLevel[] {
  return calibrationScopeLevels.filter(
    (level) =>
      (level !== 'kind_account' || question.accountId != null) &&
      (level !== 'kind_owner' || question.ownerId != null),
  );
}

/**
 * Which history answers "how long does this take?": the narrowest scope with at least
 * `minFulfilled` fulfilled promises (kind + account, else kind + owner, else kind, else all
 * kinds), or all kinds, marked insufficient, when none has.
 */
export function selectCalibrationScope(options: {
  records: readonly CalibrationRecord[];
  question: CalibrationQuestion;
  minFulfilled: number;
}): { scope: CalibrationScope; records: CalibrationRecord[] } {
  const { question, minFulfilled } = options;
  const fallbackChain: ScopeCandidate[] = [];
  let chosen: { level: CalibrationScopeLevel; records: CalibrationRecord[] } | null = null;

  for (const level of applicableLevels(question)) {
    const records = options.records.filter(belongsTo(level, question));
    const fulfilled = records.filter((record) => record.fulfilled).length;
    const enough = fulfilled >= minFulfilled;
    fallbackChain.push({ level, fulfilled, censored: records.length - fulfilled, enough });
    chosen = { level, records };
    if (enough) break;
  }

  // `all` is always applicable, so the loop ran at least once; this only satisfies the compiler.
  const level = chosen?.level ?? 'all';
  const records = chosen?.records ?? [...options.records];
  return {
    scope: {
      level,
      kind: level === 'all' ? null : question.kind,
      accountId: level === 'kind_account' ? (question.accountId ?? null) : null,
      ownerId: level === 'kind_owner' ? (question.ownerId ?? null) : null,
      sufficient: fallbackChain.at(-1)?.enough ?? false,
      fallbackChain,
    },
    records,
  };
}

/** How a scope reads after the promise kind in a sentence: "deliveries for this account". */
export function describeScope(level: CalibrationScopeLevel): string {
  switch (level) {
    case 'kind_account':
      return 'for this account';
    case 'kind_owner':
      return 'by this account manager';
    case 'kind':
      return 'across all accounts';
    case 'all':
      return 'of any kind, across all accounts';
  }
}
