import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../../api/trpc.ts';
import { parseDue } from './parse-due.ts';

/** A due as the API takes it. */
export type DueInput =
  | { kind: 'point'; at: string }
  | { kind: 'window'; earliest: string; latest: string };

export type ResolvedDue =
  | { state: 'empty' }
  | { state: 'unreadable' }
  | { state: 'counting' }
  | { state: 'ready'; due: DueInput; deadline: string };

/**
 * What the typed due means, as the promise will record it: dates read here, business durations
 * counted in the account's own business calendar by the API (holidays and hours included).
 */
export function useResolvedDue(text: string, accountId: string | null): ResolvedDue {
  const trpc = useTRPC();
  const { parsed, start } = useMemo(
    () => ({ parsed: parseDue(text, new Date()), start: new Date().toISOString() }),
    [text],
  );
  const business = parsed?.kind === 'business' ? parsed : null;
  const counted = useQuery({
    ...trpc.calendar.addDuration.queryOptions({
      accountId: accountId ?? '',
      start,
      duration: { amount: business?.amount ?? 1, unit: business?.unit ?? 'business_days' },
    }),
    enabled: business !== null && accountId !== null,
    placeholderData: keepPreviousData,
  });

  if (text.trim() === '') return { state: 'empty' };
  if (parsed === null) return { state: 'unreadable' };
  if (parsed.kind === 'point') {
    const at = parsed.at.toISOString();
    return { state: 'ready', due: { kind: 'point', at }, deadline: at };
  }
  if (parsed.kind === 'window') {
    const due = {
      kind: 'window' as const,
      earliest: parsed.earliest.toISOString(),
      latest: parsed.latest.toISOString(),
    };
    return { state: 'ready', due, deadline: due.latest };
  }
  if (accountId === null || counted.data === undefined || counted.isPlaceholderData) {
    return { state: 'counting' };
  }
  return {
    state: 'ready',
    due: { kind: 'point', at: counted.data.end },
    deadline: counted.data.end,
  };
}
