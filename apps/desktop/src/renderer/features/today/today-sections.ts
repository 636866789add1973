import type { RouterOutputs } from '@steadfast/api';

export type PromiseSummary = RouterOutputs['promise']['list']['items'][number];

export interface TodaySection {
  key: 'due_today' | 'at_risk' | 'overdue';
  title: string;
  emptyWords: string;
  promises: PromiseSummary[];
}

/**
 * Today's three lists, each promise shown once: due today first, then at risk (not due today),
 * then overdue (not already shown as at risk). A promise both late and at risk is one to tell
 * the customer about, so it sits with the at-risk ones.
 */
export function todaySections(lists: {
  dueToday: readonly PromiseSummary[];
  atRisk: readonly PromiseSummary[];
  overdue: readonly PromiseSummary[];
}): TodaySection[] {
  const shown = new Set<string>();
  const once = (promises: readonly PromiseSummary[]) =>
    promises.filter((promise) => {
      if (shown.has(promise.id)) return false;
      shown.add(promise.id);
      return true;
    });
  const dueToday = once(lists.dueToday);
  const atRisk = once(lists.atRisk);
  const overdue = once(lists.overdue);
  return [
    {
      key: 'due_today',
      title: 'Due today',
      emptyWords: 'Nothing else is due today.',
      promises: dueToday,
    },
    { key: 'at_risk', title: 'At risk', emptyWords: 'Nothing is at risk.', promises: atRisk },
    { key: 'overdue', title: 'Overdue', emptyWords: 'Nothing is overdue.', promises: overdue },
  ];
}
