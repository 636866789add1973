import { dayBounds } from '../calendar/day-bounds.ts';
import type { Instant } from '../shared/instant.ts';
import type { PromiseStatus } from './promise-state.ts';

export const promiseViews = [
  'due_today',
  'overdue',
  'upcoming',
  'at_risk',
  'open',
  'closed',
  'all',
] as const;
/** The lists an account manager works from: what is due today, late, coming, at risk, … */
export type PromiseView = (typeof promiseViews)[number];

const running: readonly PromiseStatus[] = ['awaiting_condition', 'open'];
// A promise awaiting its condition has only a placeholder due: it cannot be due today or late.
const clockRunning: readonly PromiseStatus[] = ['open'];

export interface PromiseViewFilter {
  statuses?: readonly PromiseStatus[];
  atRisk?: boolean;
  deadlineFrom?: Instant;
  deadlineBefore?: Instant;
}

/**
 * What each view means. `due_today`: its clock running and due on the caller's local calendar
 * day (including earlier today). `overdue`: its clock running, deadline already past. `upcoming`: still
 * running, deadline ahead. `at_risk`: running and flagged.
 */
export function promiseViewFilter(
  view: PromiseView,
  now: Instant,
  timeZone: string,
): PromiseViewFilter {
  switch (view) {
    case 'due_today': {
      const today = dayBounds(now, timeZone);
      return { statuses: clockRunning, deadlineFrom: today.start, deadlineBefore: today.end };
    }
    case 'overdue':
      return { statuses: clockRunning, deadlineBefore: now };
    case 'upcoming':
      return { statuses: running, deadlineFrom: now };
    case 'at_risk':
      return { statuses: running, atRisk: true };
    case 'open':
      return { statuses: running };
    case 'closed':
      return { statuses: ['fulfilled', 'missed', 'released', 'cancelled'] };
    case 'all':
      return {};
  }
}
